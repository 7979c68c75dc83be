"""PDF files in and out.

Contract: bytes in, bytes or an open document out; a file that cannot be read is one
`PdfError` naming the problem, never a MuPDF traceback.

* `document` — opening and saving (one place for a bad file's one-line error, clean saves);
* `decrypt` — encrypted files told apart and opened with the password given;
* `convert` — word-processor, spreadsheet and slide files to PDF with LibreOffice;
* `enclosed` — the files a PDF carries inside it, taken out of a copy handed out;
* `lowlevel`, `pdfwalk` — what writing objects through MuPDF's low-level API, and walking a
  pikepdf object graph, share.
"""
