"""PDF output with reportlab: charts split across pages and the consultation pack. No Qt here."""
