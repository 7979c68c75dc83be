"""Reading the papers of a case: a declaration checked against the showing its privilege
requires (`check_declaration`), an exhibit index read into exhibit -> Bates pairs
(`clawback.service` binds them). The reading itself is pure (`clawback.domain.declarations`,
`clawback.domain.exhibit_index`); this package brings the files and the data to it."""
