-- clawback's schema on SQLite, as the migrations make it: made by scripts/schema
-- revision: 0032
CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE blob (
	sha256 VARCHAR(64) NOT NULL, 
	size INTEGER NOT NULL, 
	media_type VARCHAR(100) NOT NULL, 
	made_from VARCHAR(64), 
	recipe VARCHAR(200) NOT NULL, 
	PRIMARY KEY (sha256), 
	FOREIGN KEY(made_from) REFERENCES blob (sha256)
);
CREATE TABLE declaration (
	id VARCHAR(80) NOT NULL, 
	declarant VARCHAR(200) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	docket JSON NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE matter (
	id INTEGER NOT NULL, 
	number VARCHAR(80) NOT NULL, 
	court VARCHAR(200) NOT NULL, 
	caption VARCHAR(300) NOT NULL, 
	state VARCHAR(8), 
	"order" JSON NOT NULL, 
	facts JSON NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE person (
	email VARCHAR(200) NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	side VARCHAR(20) NOT NULL, 
	category VARCHAR(80) NOT NULL, 
	acknowledged BOOLEAN NOT NULL, 
	PRIMARY KEY (email)
);
CREATE TABLE claim_event (
	id INTEGER NOT NULL, 
	claim_id VARCHAR(80) NOT NULL, 
	state VARCHAR(20) NOT NULL, 
	"on" DATE, 
	at DATETIME NOT NULL, actor VARCHAR(200), detail JSON, 
	PRIMARY KEY (id), 
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
CREATE TABLE seal_decision (
	id INTEGER NOT NULL, 
	motion VARCHAR(40) NOT NULL, 
	exhibit INTEGER NOT NULL, 
	sealed BOOLEAN NOT NULL, 
	standard VARCHAR(30) NOT NULL, 
	reason TEXT NOT NULL, unseal_on DATE, part JSON, condition TEXT, 
	PRIMARY KEY (id), 
	FOREIGN KEY(motion) REFERENCES seal_motion (docket), 
	UNIQUE (motion, exhibit)
);
CREATE TABLE filing (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	blob VARCHAR(64) NOT NULL, 
	redacted JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(blob) REFERENCES blob (sha256), 
	FOREIGN KEY(document_id) REFERENCES document (id), 
	UNIQUE (document_id, kind)
);
CREATE TABLE page (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	idx INTEGER NOT NULL, 
	bates VARCHAR(60), 
	text TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	image_sha256 JSON NOT NULL, redacted_text TEXT DEFAULT '' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id), 
	UNIQUE (bates), 
	UNIQUE (document_id, idx)
);
CREATE TABLE audit_head (
	id INTEGER NOT NULL, 
	seq INTEGER NOT NULL, 
	hash VARCHAR(64) NOT NULL, mac VARCHAR(64), 
	PRIMARY KEY (id), 
	CONSTRAINT ck_audit_head_one_row CHECK (id = 1)
);
CREATE TABLE "audit" (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	actor VARCHAR(200) NOT NULL, 
	path VARCHAR(20) NOT NULL, 
	action VARCHAR(40) NOT NULL, 
	subject TEXT NOT NULL, 
	detail JSON NOT NULL, 
	seq INTEGER NOT NULL, 
	stamp VARCHAR(32) NOT NULL, 
	prev VARCHAR(64) NOT NULL, 
	hash VARCHAR(64) NOT NULL, mac VARCHAR(64), 
	PRIMARY KEY (id), 
	CONSTRAINT uq_audit_seq UNIQUE (seq)
);
CREATE TABLE "seal_motion" (
	docket VARCHAR(40) NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	joint BOOLEAN NOT NULL, 
	exhibits JSON NOT NULL, 
	ruled_on DATE, 
	filed_on DATE, 
	local_rule VARCHAR(40), 
	movant_designated BOOLEAN DEFAULT 1 NOT NULL, movant VARCHAR(20), request VARCHAR(10) DEFAULT 'seal' NOT NULL, papers JSON DEFAULT '[]' NOT NULL, form VARCHAR(30) DEFAULT 'motion' NOT NULL, 
	PRIMARY KEY (docket)
);
CREATE TABLE log_version (
	id INTEGER NOT NULL, 
	served_on DATE NOT NULL, 
	note TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	rows JSON NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE claim_review (
	claim_id VARCHAR(80) NOT NULL, 
	findings JSON NOT NULL, 
	recorded_by VARCHAR(200) NOT NULL, 
	recorded_at DATETIME NOT NULL, 
	PRIMARY KEY (claim_id), 
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
CREATE TABLE "item" (
	id VARCHAR(80) NOT NULL, 
	document_id INTEGER NOT NULL, 
	page_idx INTEGER NOT NULL, 
	what VARCHAR(300) NOT NULL, 
	texts JSON NOT NULL, 
	whole_page BOOLEAN NOT NULL, 
	rect JSON, 
	covered JSON DEFAULT '[]' NOT NULL, pinpoint VARCHAR(40), 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id)
);
CREATE TABLE page_warning (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	page_idx INTEGER NOT NULL, 
	what VARCHAR(40) NOT NULL, 
	detail TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id)
);
CREATE TABLE page_signature (
	page_id INTEGER NOT NULL, 
	scheme VARCHAR(20) NOT NULL, 
	made_from VARCHAR(64) NOT NULL, 
	words INTEGER NOT NULL, 
	text_hash VARCHAR(64), 
	minhash BLOB, 
	images JSON NOT NULL, 
	PRIMARY KEY (page_id), 
	FOREIGN KEY(page_id) REFERENCES page (id)
);
CREATE TABLE "production" (
	id INTEGER NOT NULL, 
	volume VARCHAR(40) NOT NULL, 
	first VARCHAR(60) NOT NULL, 
	last VARCHAR(60) NOT NULL, 
	produced_on DATE, 
	state VARCHAR(20) DEFAULT 'complete' NOT NULL, 
	"plan" JSON DEFAULT '{}' NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (volume)
);
CREATE TABLE "document" (
	id INTEGER NOT NULL, 
	control VARCHAR(40) NOT NULL, 
	title VARCHAR(300) NOT NULL, 
	kind VARCHAR(40) NOT NULL, 
	family VARCHAR(80), 
	parent BOOLEAN NOT NULL, 
	exhibit INTEGER, 
	original VARCHAR(64) NOT NULL, 
	produced VARCHAR(64), 
	production INTEGER, 
	page_count INTEGER NOT NULL, 
	publicly_available BOOLEAN NOT NULL, 
	meta JSON NOT NULL, 
	tier VARCHAR(120), 
	sequestered BOOLEAN DEFAULT 0 NOT NULL, 
	withheld BOOLEAN DEFAULT 0 NOT NULL, 
	sealed BOOLEAN DEFAULT 0 NOT NULL, 
	public_filed BOOLEAN DEFAULT 0 NOT NULL, 
	held_by VARCHAR(20) DEFAULT 'producing' NOT NULL, exhibit_id VARCHAR(24), exhibit_key VARCHAR(32), exhibit_lead VARCHAR(24), docket VARCHAR(40), filed_kind VARCHAR(30), filed_under_seal BOOLEAN DEFAULT 0 NOT NULL, filed_on DATE, first_bates VARCHAR(60), last_bates VARCHAR(60), first_series VARCHAR(60), first_number BIGINT, ref VARCHAR(12), 
	PRIMARY KEY (id), 
	FOREIGN KEY(production) REFERENCES production (id), 
	FOREIGN KEY(original) REFERENCES blob (sha256), 
	UNIQUE (exhibit), 
	FOREIGN KEY(produced) REFERENCES blob (sha256), 
	UNIQUE (control)
);
CREATE TABLE workspace_binding (
	id INTEGER NOT NULL, 
	workspace VARCHAR(36) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT ck_workspace_binding_one_row CHECK (id = 1)
);
CREATE TABLE output (
	id INTEGER NOT NULL, 
	path TEXT NOT NULL, 
	sha256 VARCHAR(64) NOT NULL, 
	at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (path)
);
CREATE TABLE web_session (
	digest VARCHAR(64) NOT NULL, 
	email VARCHAR(200) NOT NULL, 
	csrf VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	expires_at DATETIME NOT NULL, 
	PRIMARY KEY (digest), 
	FOREIGN KEY(email) REFERENCES account (email)
);
CREATE TABLE login_attempt (
	id INTEGER NOT NULL, 
	at DATETIME NOT NULL, 
	email VARCHAR(200) NOT NULL, 
	address VARCHAR(64) NOT NULL, 
	ok BOOLEAN NOT NULL, 
	PRIMARY KEY (id)
);
CREATE VIRTUAL TABLE page_fts USING fts5(text, redacted_text, content='page', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE "ruling" (
	id INTEGER NOT NULL, 
	claim_id VARCHAR(80) NOT NULL, 
	result VARCHAR(40) NOT NULL, 
	items JSON NOT NULL, 
	reason TEXT NOT NULL, 
	"on" DATE, 
	PRIMARY KEY (id), 
	FOREIGN KEY(claim_id) REFERENCES claim (id)
);
CREATE TABLE "claim" (
	id VARCHAR(80) NOT NULL, 
	privilege VARCHAR(40) NOT NULL, 
	exhibits JSON NOT NULL, 
	items JSON NOT NULL, 
	declarations JSON NOT NULL, 
	paragraphs JSON NOT NULL, 
	basis TEXT NOT NULL, 
	state VARCHAR(20) NOT NULL, 
	noticed_on DATE, 
	learned_on DATE, 
	request VARCHAR(20) DEFAULT 'clawback' NOT NULL, papers JSON DEFAULT '[]' NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE court_closure (
	day DATE NOT NULL, 
	reason TEXT NOT NULL, 
	PRIMARY KEY (day)
);
CREATE TABLE page_signature_band (
	page_id INTEGER NOT NULL, 
	band SMALLINT NOT NULL, 
	bucket BIGINT NOT NULL, 
	PRIMARY KEY (page_id, band), 
	FOREIGN KEY(page_id) REFERENCES page_signature (page_id)
);
CREATE TABLE page_unsigned (
	page_id INTEGER NOT NULL, 
	PRIMARY KEY (page_id), 
	FOREIGN KEY(page_id) REFERENCES page (id)
);
CREATE TABLE "account" (
	email VARCHAR(200) NOT NULL, 
	password_hash VARCHAR(200) NOT NULL, 
	totp_secret VARCHAR(128), 
	totp_last INTEGER, 
	created_at DATETIME NOT NULL, 
	undertaking_signed_at DATETIME, 
	undertaking_signature VARCHAR(200), 
	PRIMARY KEY (email), 
	FOREIGN KEY(email) REFERENCES person (email)
);
CREATE TABLE paper_seal_decision (
	id INTEGER NOT NULL, 
	motion VARCHAR(40) NOT NULL, 
	paper VARCHAR(40) NOT NULL, 
	sealed BOOLEAN NOT NULL, 
	standard VARCHAR(30) NOT NULL, 
	reason TEXT NOT NULL, 
	unseal_on DATE, 
	part JSON, 
	condition TEXT, 
	PRIMARY KEY (id), 
	UNIQUE (motion, paper), 
	FOREIGN KEY(motion) REFERENCES seal_motion (docket)
);
CREATE VIRTUAL TABLE page_pairs USING fts5(text_pairs, redacted_text_pairs, content='', columnsize=0, tokenize="ascii tokenchars '_'");
CREATE TABLE "deadline" (
	id INTEGER NOT NULL, 
	act TEXT NOT NULL, 
	due DATE NOT NULL, 
	"trigger" DATE NOT NULL, 
	days INTEGER, 
	source VARCHAR(200) NOT NULL, 
	done BOOLEAN NOT NULL, 
	done_on DATE, 
	claim_id VARCHAR(80), 
	duty VARCHAR(20), 
	party VARCHAR(20), 
	exhibits JSON DEFAULT '[]' NOT NULL, 
	kind VARCHAR(40), 
	lifted TEXT, 
	ref VARCHAR(12) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_deadline_ref UNIQUE (ref)
);
CREATE TABLE "challenge" (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	tier VARCHAR(120) NOT NULL, 
	raised_by VARCHAR(200) NOT NULL, 
	raised_on DATE NOT NULL, 
	grounds TEXT NOT NULL, 
	outcome VARCHAR(20), 
	resolved_on DATE, 
	ref VARCHAR(12) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_challenge_ref UNIQUE (ref), 
	FOREIGN KEY(document_id) REFERENCES document (id)
);
CREATE TABLE "api_token" (
	id INTEGER NOT NULL, 
	email VARCHAR(200) NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	digest VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	revoked_at DATETIME, 
	ref VARCHAR(12) NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_api_token_ref UNIQUE (ref), 
	FOREIGN KEY(email) REFERENCES account (email), 
	UNIQUE (digest)
);
CREATE TABLE "received_record" (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	volume VARCHAR(200) NOT NULL, 
	control VARCHAR(200) NOT NULL, 
	"row" INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id)
);
CREATE TABLE "designation" (
	id INTEGER NOT NULL, 
	document_id INTEGER NOT NULL, 
	tier VARCHAR(120) NOT NULL, 
	note TEXT NOT NULL, 
	"on" DATE, 
	with_record BOOLEAN DEFAULT 0 NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(document_id) REFERENCES document (id)
);
CREATE INDEX ix_claim_event_claim_id ON claim_event (claim_id);
CREATE INDEX ix_page_document_id ON page (document_id);
CREATE INDEX ix_page_sha256 ON page (sha256);
CREATE INDEX ix_item_document_id ON item (document_id);
CREATE INDEX ix_page_warning_document_id ON page_warning (document_id);
CREATE INDEX ix_document_tier ON document (tier);
CREATE INDEX ix_web_session_email ON web_session (email);
CREATE INDEX ix_login_attempt_at ON login_attempt (at);
CREATE INDEX ix_login_attempt_email ON login_attempt (email);
CREATE INDEX ix_login_attempt_address ON login_attempt (address);
CREATE INDEX ix_ruling_claim_id ON ruling (claim_id);
CREATE INDEX ix_page_signature_text_hash ON page_signature (text_hash);
CREATE INDEX ix_page_signature_band_bucket ON page_signature_band (bucket);
CREATE UNIQUE INDEX ix_document_exhibit_key ON document (exhibit_key);
CREATE UNIQUE INDEX ix_document_docket ON document (docket);
CREATE INDEX ix_paper_seal_decision_paper ON paper_seal_decision (paper);
CREATE INDEX ix_document_listing ON document (first_series, first_number, id);
CREATE INDEX ix_page_id_document_id ON page (id, document_id);
CREATE INDEX ix_deadline_claim_id ON deadline (claim_id);
CREATE INDEX ix_challenge_document_id ON challenge (document_id);
CREATE INDEX ix_api_token_email ON api_token (email);
CREATE INDEX ix_document_held_by ON document (held_by, id);
CREATE INDEX ix_document_original ON document (original, held_by);
CREATE INDEX ix_blob_made_from ON blob (made_from);
CREATE INDEX ix_document_exhibits ON document (exhibit) WHERE exhibit IS NOT NULL;
CREATE INDEX ix_document_papers ON document (id) WHERE docket IS NOT NULL;
CREATE INDEX ix_received_record_document_id ON received_record (document_id);
CREATE INDEX ix_received_record_volume_control ON received_record (volume, control);
CREATE INDEX ix_designation_document_id ON designation (document_id);
CREATE UNIQUE INDEX ix_document_ref ON document (ref);
CREATE TRIGGER page_fts_insert AFTER INSERT ON page BEGIN INSERT INTO page_fts(rowid, text, redacted_text) VALUES (new.id, new.text, new.redacted_text); END;
CREATE TRIGGER page_fts_delete AFTER DELETE ON page BEGIN INSERT INTO page_fts(page_fts, rowid, text, redacted_text) VALUES ('delete', old.id, old.text, old.redacted_text); END;
CREATE TRIGGER page_fts_update AFTER UPDATE OF text, redacted_text ON page BEGIN INSERT INTO page_fts(page_fts, rowid, text, redacted_text) VALUES ('delete', old.id, old.text, old.redacted_text); INSERT INTO page_fts(rowid, text, redacted_text) VALUES (new.id, new.text, new.redacted_text); END;
CREATE TRIGGER page_unsigned_insert AFTER INSERT ON page BEGIN INSERT INTO page_unsigned (page_id) VALUES (new.id); END;
CREATE TRIGGER page_pairs_insert AFTER INSERT ON page BEGIN INSERT INTO page_pairs(rowid, text_pairs, redacted_text_pairs) VALUES (new.id, clawback_pairs(new.text), clawback_pairs(new.redacted_text)); END;
CREATE TRIGGER page_pairs_delete AFTER DELETE ON page BEGIN INSERT INTO page_pairs(page_pairs, rowid, text_pairs, redacted_text_pairs) VALUES ('delete', old.id, clawback_pairs(old.text), clawback_pairs(old.redacted_text)); END;
CREATE TRIGGER page_pairs_update AFTER UPDATE OF text, redacted_text ON page BEGIN INSERT INTO page_pairs(page_pairs, rowid, text_pairs, redacted_text_pairs) VALUES ('delete', old.id, clawback_pairs(old.text), clawback_pairs(old.redacted_text)); INSERT INTO page_pairs(rowid, text_pairs, redacted_text_pairs) VALUES (new.id, clawback_pairs(new.text), clawback_pairs(new.redacted_text)); END;
INSERT INTO "alembic_version" VALUES ('0032');
INSERT INTO "audit_head" VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);
INSERT OR REPLACE INTO "page_fts_config" VALUES ('version', 4);
INSERT OR REPLACE INTO "page_fts_data" VALUES (1, X'000000');
INSERT OR REPLACE INTO "page_fts_data" VALUES (10, X'00000000000000');
INSERT OR REPLACE INTO "page_pairs_config" VALUES ('version', 4);
INSERT OR REPLACE INTO "page_pairs_data" VALUES (1, X'');
INSERT OR REPLACE INTO "page_pairs_data" VALUES (10, X'00000000000000');
