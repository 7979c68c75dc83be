-- clawback's schema on PostgreSQL, as the migrations make it: made by scripts/schema
-- revision: 0032

CREATE FUNCTION clawback_pairs(v tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT coalesce(string_agg('''' || replace(replace(a.lexeme || ' ' || b.lexeme, '\', '\\'), '''', '''''') || ''':' || a.pos, ' '), '')::tsvector FROM (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) a JOIN (SELECT lexeme, unnest(positions) AS pos FROM unnest(v)) b ON b.pos = a.pos + 1 $$;

CREATE FUNCTION page_unsigned_insert() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN INSERT INTO page_unsigned (page_id) VALUES (NEW.id); RETURN NEW; END $$;

CREATE TABLE account (
    email character varying(200) NOT NULL,
    password_hash character varying(200) NOT NULL,
    totp_secret character varying(128),
    totp_last integer,
    created_at timestamp without time zone NOT NULL,
    undertaking_signed_at timestamp without time zone,
    undertaking_signature character varying(200)
);

CREATE TABLE alembic_version (
    version_num character varying(32) NOT NULL
);

CREATE TABLE api_token (
    id integer NOT NULL,
    email character varying(200) NOT NULL,
    name character varying(100) NOT NULL,
    digest character varying(64) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    revoked_at timestamp without time zone,
    ref character varying(12) NOT NULL
);

CREATE SEQUENCE api_token_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE api_token_id_seq OWNED BY api_token.id;

CREATE TABLE audit (
    id integer NOT NULL,
    at timestamp without time zone NOT NULL,
    actor character varying(200) NOT NULL,
    path character varying(20) NOT NULL,
    action character varying(40) NOT NULL,
    subject text NOT NULL,
    detail json NOT NULL,
    seq integer NOT NULL,
    stamp character varying(32) NOT NULL,
    prev character varying(64) NOT NULL,
    hash character varying(64) NOT NULL,
    mac character varying(64)
);

CREATE TABLE audit_head (
    id integer NOT NULL,
    seq integer NOT NULL,
    hash character varying(64) NOT NULL,
    mac character varying(64),
    CONSTRAINT ck_audit_head_one_row CHECK ((id = 1))
);

CREATE SEQUENCE audit_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE audit_id_seq OWNED BY audit.id;

CREATE TABLE blob (
    sha256 character varying(64) NOT NULL,
    size integer NOT NULL,
    media_type character varying(100) NOT NULL,
    made_from character varying(64),
    recipe character varying(200) NOT NULL
);

CREATE TABLE challenge (
    id integer NOT NULL,
    document_id integer NOT NULL,
    tier character varying(120) NOT NULL,
    raised_by character varying(200) NOT NULL,
    raised_on date NOT NULL,
    grounds text NOT NULL,
    outcome character varying(20),
    resolved_on date,
    ref character varying(12) NOT NULL
);

CREATE SEQUENCE challenge_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE challenge_id_seq OWNED BY challenge.id;

CREATE TABLE claim (
    id character varying(80) NOT NULL,
    privilege character varying(40) NOT NULL,
    exhibits json NOT NULL,
    items json NOT NULL,
    declarations json NOT NULL,
    paragraphs json NOT NULL,
    basis text NOT NULL,
    state character varying(20) NOT NULL,
    noticed_on date,
    learned_on date,
    request character varying(20) DEFAULT 'clawback'::character varying NOT NULL,
    papers json DEFAULT '[]'::json NOT NULL
);

CREATE TABLE claim_event (
    id integer NOT NULL,
    claim_id character varying(80) NOT NULL,
    state character varying(20) NOT NULL,
    "on" date,
    at timestamp without time zone NOT NULL,
    actor character varying(200),
    detail json
);

CREATE SEQUENCE claim_event_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE claim_event_id_seq OWNED BY claim_event.id;

CREATE TABLE claim_review (
    claim_id character varying(80) NOT NULL,
    findings json NOT NULL,
    recorded_by character varying(200) NOT NULL,
    recorded_at timestamp without time zone NOT NULL
);

CREATE TABLE court_closure (
    day date NOT NULL,
    reason text NOT NULL
);

CREATE TABLE deadline (
    id integer NOT NULL,
    act text NOT NULL,
    due date NOT NULL,
    trigger date NOT NULL,
    days integer,
    source character varying(200) NOT NULL,
    done boolean NOT NULL,
    done_on date,
    claim_id character varying(80),
    duty character varying(20),
    party character varying(20),
    exhibits json DEFAULT '[]'::json NOT NULL,
    kind character varying(40),
    lifted text,
    ref character varying(12) NOT NULL
);

CREATE SEQUENCE deadline_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE deadline_id_seq OWNED BY deadline.id;

CREATE TABLE declaration (
    id character varying(80) NOT NULL,
    declarant character varying(200) NOT NULL,
    title character varying(300) NOT NULL,
    docket json NOT NULL
);

CREATE TABLE designation (
    id integer NOT NULL,
    document_id integer NOT NULL,
    tier character varying(120) NOT NULL,
    note text NOT NULL,
    "on" date,
    with_record boolean DEFAULT false NOT NULL
);

CREATE SEQUENCE designation_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE designation_id_seq OWNED BY designation.id;

CREATE TABLE document (
    id integer NOT NULL,
    control character varying(40) NOT NULL,
    title character varying(300) NOT NULL,
    kind character varying(40) NOT NULL,
    family character varying(80),
    parent boolean NOT NULL,
    exhibit integer,
    original character varying(64) NOT NULL,
    produced character varying(64),
    production integer,
    page_count integer NOT NULL,
    publicly_available boolean NOT NULL,
    meta json NOT NULL,
    tier character varying(120),
    sequestered boolean DEFAULT false NOT NULL,
    withheld boolean DEFAULT false NOT NULL,
    sealed boolean DEFAULT false NOT NULL,
    public_filed boolean DEFAULT false NOT NULL,
    held_by character varying(20) DEFAULT 'producing'::character varying NOT NULL,
    exhibit_id character varying(24),
    exhibit_key character varying(32),
    exhibit_lead character varying(24),
    docket character varying(40),
    filed_kind character varying(30),
    filed_under_seal boolean DEFAULT false NOT NULL,
    filed_on date,
    first_bates character varying(60),
    last_bates character varying(60),
    first_series character varying(60),
    first_number bigint,
    ref character varying(12)
);

CREATE SEQUENCE document_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE document_id_seq OWNED BY document.id;

CREATE TABLE filing (
    id integer NOT NULL,
    document_id integer NOT NULL,
    kind character varying(20) NOT NULL,
    blob character varying(64) NOT NULL,
    redacted json NOT NULL
);

CREATE SEQUENCE filing_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE filing_id_seq OWNED BY filing.id;

CREATE TABLE item (
    id character varying(80) NOT NULL,
    document_id integer NOT NULL,
    page_idx integer NOT NULL,
    what character varying(300) NOT NULL,
    texts json NOT NULL,
    whole_page boolean NOT NULL,
    rect json,
    covered json DEFAULT '[]'::json NOT NULL,
    pinpoint character varying(40)
);

CREATE TABLE log_version (
    id integer NOT NULL,
    served_on date NOT NULL,
    note text NOT NULL,
    sha256 character varying(64) NOT NULL,
    rows json NOT NULL
);

CREATE SEQUENCE log_version_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE log_version_id_seq OWNED BY log_version.id;

CREATE TABLE login_attempt (
    id integer NOT NULL,
    at timestamp without time zone NOT NULL,
    email character varying(200) NOT NULL,
    address character varying(64) NOT NULL,
    ok boolean NOT NULL
);

CREATE SEQUENCE login_attempt_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE login_attempt_id_seq OWNED BY login_attempt.id;

CREATE TABLE matter (
    id integer NOT NULL,
    number character varying(80) NOT NULL,
    court character varying(200) NOT NULL,
    caption character varying(300) NOT NULL,
    state character varying(8),
    "order" json NOT NULL,
    facts json NOT NULL
);

CREATE SEQUENCE matter_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE matter_id_seq OWNED BY matter.id;

CREATE TABLE output (
    id integer NOT NULL,
    path text NOT NULL,
    sha256 character varying(64) NOT NULL,
    at timestamp without time zone NOT NULL
);

CREATE SEQUENCE output_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE output_id_seq OWNED BY output.id;

CREATE TABLE page (
    id integer NOT NULL,
    document_id integer NOT NULL,
    idx integer NOT NULL,
    bates character varying(60),
    text text NOT NULL,
    sha256 character varying(64) NOT NULL,
    image_sha256 json NOT NULL,
    redacted_text text DEFAULT ''::text NOT NULL,
    text_search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, text)) STORED,
    redacted_text_search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, redacted_text)) STORED,
    text_pairs tsvector GENERATED ALWAYS AS (clawback_pairs(to_tsvector('simple'::regconfig, text))) STORED,
    redacted_text_pairs tsvector GENERATED ALWAYS AS (clawback_pairs(to_tsvector('simple'::regconfig, redacted_text))) STORED
);
ALTER TABLE ONLY page ALTER COLUMN text_search SET STATISTICS 1000;
ALTER TABLE ONLY page ALTER COLUMN redacted_text_search SET STATISTICS 1000;
ALTER TABLE ONLY page ALTER COLUMN text_pairs SET STATISTICS 1000;
ALTER TABLE ONLY page ALTER COLUMN redacted_text_pairs SET STATISTICS 1000;

CREATE SEQUENCE page_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE page_id_seq OWNED BY page.id;

CREATE TABLE page_signature (
    page_id integer NOT NULL,
    scheme character varying(20) NOT NULL,
    made_from character varying(64) NOT NULL,
    words integer NOT NULL,
    text_hash character varying(64),
    minhash bytea,
    images json NOT NULL
);

CREATE TABLE page_signature_band (
    page_id integer NOT NULL,
    band smallint NOT NULL,
    bucket bigint NOT NULL
);

CREATE TABLE page_unsigned (
    page_id integer NOT NULL
);

CREATE TABLE page_warning (
    id integer NOT NULL,
    document_id integer NOT NULL,
    page_idx integer NOT NULL,
    what character varying(40) NOT NULL,
    detail text NOT NULL
);

CREATE SEQUENCE page_warning_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE page_warning_id_seq OWNED BY page_warning.id;

CREATE TABLE paper_seal_decision (
    id integer NOT NULL,
    motion character varying(40) NOT NULL,
    paper character varying(40) NOT NULL,
    sealed boolean NOT NULL,
    standard character varying(30) NOT NULL,
    reason text NOT NULL,
    unseal_on date,
    part json,
    condition text
);

CREATE SEQUENCE paper_seal_decision_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE paper_seal_decision_id_seq OWNED BY paper_seal_decision.id;

CREATE TABLE person (
    email character varying(200) NOT NULL,
    name character varying(200) NOT NULL,
    side character varying(20) NOT NULL,
    category character varying(80) NOT NULL,
    acknowledged boolean NOT NULL
);

CREATE TABLE production (
    id integer NOT NULL,
    volume character varying(40) NOT NULL,
    first character varying(60) NOT NULL,
    last character varying(60) NOT NULL,
    produced_on date,
    state character varying(20) DEFAULT 'complete'::character varying NOT NULL,
    plan json DEFAULT '{}'::json NOT NULL
);

CREATE SEQUENCE production_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE production_id_seq OWNED BY production.id;

CREATE TABLE received_record (
    id integer NOT NULL,
    document_id integer NOT NULL,
    volume character varying(200) NOT NULL,
    control character varying(200) NOT NULL,
    "row" integer NOT NULL
);

CREATE SEQUENCE received_record_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE received_record_id_seq OWNED BY received_record.id;

CREATE TABLE ruling (
    id integer NOT NULL,
    claim_id character varying(80) NOT NULL,
    result character varying(40) NOT NULL,
    items json NOT NULL,
    reason text NOT NULL,
    "on" date
);

CREATE SEQUENCE ruling_history_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE ruling_history_id_seq OWNED BY ruling.id;

CREATE TABLE seal_decision (
    id integer NOT NULL,
    motion character varying(40) NOT NULL,
    exhibit integer NOT NULL,
    sealed boolean NOT NULL,
    standard character varying(30) NOT NULL,
    reason text NOT NULL,
    unseal_on date,
    part json,
    condition text
);

CREATE SEQUENCE seal_decision_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE seal_decision_id_seq OWNED BY seal_decision.id;

CREATE TABLE seal_motion (
    docket character varying(40) NOT NULL,
    kind character varying(20) NOT NULL,
    joint boolean NOT NULL,
    exhibits json NOT NULL,
    ruled_on date,
    filed_on date,
    local_rule character varying(40),
    movant_designated boolean DEFAULT true NOT NULL,
    movant character varying(20),
    request character varying(10) DEFAULT 'seal'::character varying NOT NULL,
    papers json DEFAULT '[]'::json NOT NULL,
    form character varying(30) DEFAULT 'motion'::character varying NOT NULL
);

CREATE TABLE web_session (
    digest character varying(64) NOT NULL,
    email character varying(200) NOT NULL,
    csrf character varying(64) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    expires_at timestamp without time zone NOT NULL
);

CREATE TABLE workspace_binding (
    id integer NOT NULL,
    workspace character varying(36) NOT NULL,
    created_at timestamp without time zone NOT NULL,
    CONSTRAINT ck_workspace_binding_one_row CHECK ((id = 1))
);

ALTER TABLE ONLY api_token ALTER COLUMN id SET DEFAULT nextval('api_token_id_seq'::regclass);

ALTER TABLE ONLY audit ALTER COLUMN id SET DEFAULT nextval('audit_id_seq'::regclass);

ALTER TABLE ONLY challenge ALTER COLUMN id SET DEFAULT nextval('challenge_id_seq'::regclass);

ALTER TABLE ONLY claim_event ALTER COLUMN id SET DEFAULT nextval('claim_event_id_seq'::regclass);

ALTER TABLE ONLY deadline ALTER COLUMN id SET DEFAULT nextval('deadline_id_seq'::regclass);

ALTER TABLE ONLY designation ALTER COLUMN id SET DEFAULT nextval('designation_id_seq'::regclass);

ALTER TABLE ONLY document ALTER COLUMN id SET DEFAULT nextval('document_id_seq'::regclass);

ALTER TABLE ONLY filing ALTER COLUMN id SET DEFAULT nextval('filing_id_seq'::regclass);

ALTER TABLE ONLY log_version ALTER COLUMN id SET DEFAULT nextval('log_version_id_seq'::regclass);

ALTER TABLE ONLY login_attempt ALTER COLUMN id SET DEFAULT nextval('login_attempt_id_seq'::regclass);

ALTER TABLE ONLY matter ALTER COLUMN id SET DEFAULT nextval('matter_id_seq'::regclass);

ALTER TABLE ONLY output ALTER COLUMN id SET DEFAULT nextval('output_id_seq'::regclass);

ALTER TABLE ONLY page ALTER COLUMN id SET DEFAULT nextval('page_id_seq'::regclass);

ALTER TABLE ONLY page_warning ALTER COLUMN id SET DEFAULT nextval('page_warning_id_seq'::regclass);

ALTER TABLE ONLY paper_seal_decision ALTER COLUMN id SET DEFAULT nextval('paper_seal_decision_id_seq'::regclass);

ALTER TABLE ONLY production ALTER COLUMN id SET DEFAULT nextval('production_id_seq'::regclass);

ALTER TABLE ONLY received_record ALTER COLUMN id SET DEFAULT nextval('received_record_id_seq'::regclass);

ALTER TABLE ONLY ruling ALTER COLUMN id SET DEFAULT nextval('ruling_history_id_seq'::regclass);

ALTER TABLE ONLY seal_decision ALTER COLUMN id SET DEFAULT nextval('seal_decision_id_seq'::regclass);

ALTER TABLE ONLY account
    ADD CONSTRAINT account_pkey PRIMARY KEY (email);

ALTER TABLE ONLY alembic_version
    ADD CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num);

ALTER TABLE ONLY api_token
    ADD CONSTRAINT api_token_digest_key UNIQUE (digest);

ALTER TABLE ONLY api_token
    ADD CONSTRAINT api_token_pkey PRIMARY KEY (id);

ALTER TABLE ONLY audit_head
    ADD CONSTRAINT audit_head_pkey PRIMARY KEY (id);

ALTER TABLE ONLY audit
    ADD CONSTRAINT audit_pkey PRIMARY KEY (id);

ALTER TABLE ONLY blob
    ADD CONSTRAINT blob_pkey PRIMARY KEY (sha256);

ALTER TABLE ONLY challenge
    ADD CONSTRAINT challenge_pkey PRIMARY KEY (id);

ALTER TABLE ONLY claim_event
    ADD CONSTRAINT claim_event_pkey PRIMARY KEY (id);

ALTER TABLE ONLY claim
    ADD CONSTRAINT claim_pkey PRIMARY KEY (id);

ALTER TABLE ONLY claim_review
    ADD CONSTRAINT claim_review_pkey PRIMARY KEY (claim_id);

ALTER TABLE ONLY court_closure
    ADD CONSTRAINT court_closure_pkey PRIMARY KEY (day);

ALTER TABLE ONLY deadline
    ADD CONSTRAINT deadline_pkey PRIMARY KEY (id);

ALTER TABLE ONLY declaration
    ADD CONSTRAINT declaration_pkey PRIMARY KEY (id);

ALTER TABLE ONLY designation
    ADD CONSTRAINT designation_pkey PRIMARY KEY (id);

ALTER TABLE ONLY document
    ADD CONSTRAINT document_control_key UNIQUE (control);

ALTER TABLE ONLY document
    ADD CONSTRAINT document_exhibit_key UNIQUE (exhibit);

ALTER TABLE ONLY document
    ADD CONSTRAINT document_pkey PRIMARY KEY (id);

ALTER TABLE ONLY filing
    ADD CONSTRAINT filing_document_id_kind_key UNIQUE (document_id, kind);

ALTER TABLE ONLY filing
    ADD CONSTRAINT filing_pkey PRIMARY KEY (id);

ALTER TABLE ONLY item
    ADD CONSTRAINT item_pkey PRIMARY KEY (id);

ALTER TABLE ONLY log_version
    ADD CONSTRAINT log_version_pkey PRIMARY KEY (id);

ALTER TABLE ONLY login_attempt
    ADD CONSTRAINT login_attempt_pkey PRIMARY KEY (id);

ALTER TABLE ONLY matter
    ADD CONSTRAINT matter_pkey PRIMARY KEY (id);

ALTER TABLE ONLY output
    ADD CONSTRAINT output_path_key UNIQUE (path);

ALTER TABLE ONLY output
    ADD CONSTRAINT output_pkey PRIMARY KEY (id);

ALTER TABLE ONLY page
    ADD CONSTRAINT page_bates_key UNIQUE (bates);

ALTER TABLE ONLY page
    ADD CONSTRAINT page_document_id_idx_key UNIQUE (document_id, idx);

ALTER TABLE ONLY page
    ADD CONSTRAINT page_pkey PRIMARY KEY (id);

ALTER TABLE ONLY page_signature_band
    ADD CONSTRAINT page_signature_band_pkey PRIMARY KEY (page_id, band);

ALTER TABLE ONLY page_signature
    ADD CONSTRAINT page_signature_pkey PRIMARY KEY (page_id);

ALTER TABLE ONLY page_unsigned
    ADD CONSTRAINT page_unsigned_pkey PRIMARY KEY (page_id);

ALTER TABLE ONLY page_warning
    ADD CONSTRAINT page_warning_pkey PRIMARY KEY (id);

ALTER TABLE ONLY paper_seal_decision
    ADD CONSTRAINT paper_seal_decision_motion_paper_key UNIQUE (motion, paper);

ALTER TABLE ONLY paper_seal_decision
    ADD CONSTRAINT paper_seal_decision_pkey PRIMARY KEY (id);

ALTER TABLE ONLY person
    ADD CONSTRAINT person_pkey PRIMARY KEY (email);

ALTER TABLE ONLY production
    ADD CONSTRAINT production_pkey PRIMARY KEY (id);

ALTER TABLE ONLY production
    ADD CONSTRAINT production_volume_key UNIQUE (volume);

ALTER TABLE ONLY received_record
    ADD CONSTRAINT received_record_pkey PRIMARY KEY (id);

ALTER TABLE ONLY ruling
    ADD CONSTRAINT ruling_history_pkey PRIMARY KEY (id);

ALTER TABLE ONLY seal_decision
    ADD CONSTRAINT seal_decision_motion_exhibit_key UNIQUE (motion, exhibit);

ALTER TABLE ONLY seal_decision
    ADD CONSTRAINT seal_decision_pkey PRIMARY KEY (id);

ALTER TABLE ONLY seal_motion
    ADD CONSTRAINT seal_motion_pkey PRIMARY KEY (docket);

ALTER TABLE ONLY api_token
    ADD CONSTRAINT uq_api_token_ref UNIQUE (ref);

ALTER TABLE ONLY audit
    ADD CONSTRAINT uq_audit_seq UNIQUE (seq);

ALTER TABLE ONLY challenge
    ADD CONSTRAINT uq_challenge_ref UNIQUE (ref);

ALTER TABLE ONLY deadline
    ADD CONSTRAINT uq_deadline_ref UNIQUE (ref);

ALTER TABLE ONLY web_session
    ADD CONSTRAINT web_session_pkey PRIMARY KEY (digest);

ALTER TABLE ONLY workspace_binding
    ADD CONSTRAINT workspace_binding_pkey PRIMARY KEY (id);

CREATE INDEX ix_api_token_email ON api_token USING btree (email);

CREATE INDEX ix_blob_made_from ON blob USING btree (made_from);

CREATE INDEX ix_challenge_document_id ON challenge USING btree (document_id);

CREATE INDEX ix_claim_event_claim_id ON claim_event USING btree (claim_id);

CREATE INDEX ix_deadline_claim_id ON deadline USING btree (claim_id);

CREATE INDEX ix_designation_document_id ON designation USING btree (document_id);

CREATE UNIQUE INDEX ix_document_docket ON document USING btree (docket);

CREATE UNIQUE INDEX ix_document_exhibit_key ON document USING btree (exhibit_key);

CREATE INDEX ix_document_exhibits ON document USING btree (exhibit) WHERE (exhibit IS NOT NULL);

CREATE INDEX ix_document_held_by ON document USING btree (held_by, id);

CREATE INDEX ix_document_listing ON document USING btree (first_series, first_number, id);

CREATE INDEX ix_document_original ON document USING btree (original, held_by);

CREATE INDEX ix_document_papers ON document USING btree (id) WHERE (docket IS NOT NULL);

CREATE UNIQUE INDEX ix_document_ref ON document USING btree (ref);

CREATE INDEX ix_document_tier ON document USING btree (tier);

CREATE INDEX ix_item_document_id ON item USING btree (document_id);

CREATE INDEX ix_login_attempt_address ON login_attempt USING btree (address);

CREATE INDEX ix_login_attempt_at ON login_attempt USING btree (at);

CREATE INDEX ix_login_attempt_email ON login_attempt USING btree (email);

CREATE INDEX ix_page_document_id ON page USING btree (document_id);

CREATE INDEX ix_page_redacted_text_pairs ON page USING gin (redacted_text_pairs);

CREATE INDEX ix_page_redacted_text_search ON page USING gin (redacted_text_search);

CREATE INDEX ix_page_sha256 ON page USING btree (sha256);

CREATE INDEX ix_page_signature_band_bucket ON page_signature_band USING btree (bucket);

CREATE INDEX ix_page_signature_text_hash ON page_signature USING btree (text_hash);

CREATE INDEX ix_page_text_pairs ON page USING gin (text_pairs);

CREATE INDEX ix_page_text_search ON page USING gin (text_search);

CREATE INDEX ix_page_warning_document_id ON page_warning USING btree (document_id);

CREATE INDEX ix_paper_seal_decision_paper ON paper_seal_decision USING btree (paper);

CREATE INDEX ix_received_record_document_id ON received_record USING btree (document_id);

CREATE INDEX ix_received_record_volume_control ON received_record USING btree (volume, control);

CREATE INDEX ix_ruling_claim_id ON ruling USING btree (claim_id);

CREATE INDEX ix_web_session_email ON web_session USING btree (email);

CREATE TRIGGER page_unsigned_insert AFTER INSERT ON page FOR EACH ROW EXECUTE FUNCTION page_unsigned_insert();

ALTER TABLE ONLY account
    ADD CONSTRAINT account_email_fkey FOREIGN KEY (email) REFERENCES person(email);

ALTER TABLE ONLY api_token
    ADD CONSTRAINT api_token_email_fkey FOREIGN KEY (email) REFERENCES account(email);

ALTER TABLE ONLY blob
    ADD CONSTRAINT blob_made_from_fkey FOREIGN KEY (made_from) REFERENCES blob(sha256);

ALTER TABLE ONLY challenge
    ADD CONSTRAINT challenge_document_id_fkey FOREIGN KEY (document_id) REFERENCES document(id);

ALTER TABLE ONLY claim_event
    ADD CONSTRAINT claim_event_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES claim(id);

ALTER TABLE ONLY claim_review
    ADD CONSTRAINT claim_review_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES claim(id);

ALTER TABLE ONLY designation
    ADD CONSTRAINT designation_document_id_fkey FOREIGN KEY (document_id) REFERENCES document(id);

ALTER TABLE ONLY document
    ADD CONSTRAINT document_original_fkey FOREIGN KEY (original) REFERENCES blob(sha256);

ALTER TABLE ONLY document
    ADD CONSTRAINT document_produced_fkey FOREIGN KEY (produced) REFERENCES blob(sha256);

ALTER TABLE ONLY document
    ADD CONSTRAINT document_production_fkey FOREIGN KEY (production) REFERENCES production(id);

ALTER TABLE ONLY filing
    ADD CONSTRAINT filing_blob_fkey FOREIGN KEY (blob) REFERENCES blob(sha256);

ALTER TABLE ONLY filing
    ADD CONSTRAINT filing_document_id_fkey FOREIGN KEY (document_id) REFERENCES document(id);

ALTER TABLE ONLY item
    ADD CONSTRAINT item_document_id_fkey FOREIGN KEY (document_id) REFERENCES document(id);

ALTER TABLE ONLY page
    ADD CONSTRAINT page_document_id_fkey FOREIGN KEY (document_id) REFERENCES document(id);

ALTER TABLE ONLY page_signature_band
    ADD CONSTRAINT page_signature_band_page_id_fkey FOREIGN KEY (page_id) REFERENCES page_signature(page_id);

ALTER TABLE ONLY page_signature
    ADD CONSTRAINT page_signature_page_id_fkey FOREIGN KEY (page_id) REFERENCES page(id);

ALTER TABLE ONLY page_unsigned
    ADD CONSTRAINT page_unsigned_page_id_fkey FOREIGN KEY (page_id) REFERENCES page(id);

ALTER TABLE ONLY page_warning
    ADD CONSTRAINT page_warning_document_id_fkey FOREIGN KEY (document_id) REFERENCES document(id);

ALTER TABLE ONLY paper_seal_decision
    ADD CONSTRAINT paper_seal_decision_motion_fkey FOREIGN KEY (motion) REFERENCES seal_motion(docket);

ALTER TABLE ONLY received_record
    ADD CONSTRAINT received_record_document_id_fkey FOREIGN KEY (document_id) REFERENCES document(id);

ALTER TABLE ONLY ruling
    ADD CONSTRAINT ruling_history_claim_id_fkey FOREIGN KEY (claim_id) REFERENCES claim(id);

ALTER TABLE ONLY seal_decision
    ADD CONSTRAINT seal_decision_motion_fkey FOREIGN KEY (motion) REFERENCES seal_motion(docket);

ALTER TABLE ONLY web_session
    ADD CONSTRAINT web_session_email_fkey FOREIGN KEY (email) REFERENCES account(email);

INSERT INTO alembic_version VALUES ('0032');

INSERT INTO audit_head VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', NULL);

SELECT pg_catalog.setval('api_token_id_seq', 1, false);

SELECT pg_catalog.setval('audit_id_seq', 1, false);

SELECT pg_catalog.setval('challenge_id_seq', 1, false);

SELECT pg_catalog.setval('claim_event_id_seq', 1, false);

SELECT pg_catalog.setval('deadline_id_seq', 1, false);

SELECT pg_catalog.setval('designation_id_seq', 1, false);

SELECT pg_catalog.setval('document_id_seq', 1, false);

SELECT pg_catalog.setval('filing_id_seq', 1, false);

SELECT pg_catalog.setval('log_version_id_seq', 1, false);

SELECT pg_catalog.setval('login_attempt_id_seq', 1, false);

SELECT pg_catalog.setval('matter_id_seq', 1, false);

SELECT pg_catalog.setval('output_id_seq', 1, false);

SELECT pg_catalog.setval('page_id_seq', 1, false);

SELECT pg_catalog.setval('page_warning_id_seq', 1, false);

SELECT pg_catalog.setval('paper_seal_decision_id_seq', 1, false);

SELECT pg_catalog.setval('production_id_seq', 1, false);

SELECT pg_catalog.setval('received_record_id_seq', 1, false);

SELECT pg_catalog.setval('ruling_history_id_seq', 1, false);

SELECT pg_catalog.setval('seal_decision_id_seq', 1, false);
ANALYZE page;
