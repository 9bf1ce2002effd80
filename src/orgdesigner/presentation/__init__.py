"""Wording, colours and number formats shared by the window, the PDFs and the text output. No Qt here."""
