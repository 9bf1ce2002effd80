"""The data.gov.uk organogram format: the senior and junior CSV files public bodies publish.

`import_organogram` reads a senior file (and its junior file) into a structure, with a data-quality
report; `write_organogram` writes a structure back as the pair of files, in the published column order.
"""

from .detect import JUNIOR_COLUMNS, SENIOR_COLUMNS, FileKind, Layout, detect
from .export import junior_rows, senior_rows, write_organogram
from .reader import (OrganogramImport, OrganogramOptions, detect_file, import_organogram, junior_beside,
                     read_organogram)
from .quality import RowWarning

__all__ = ["FileKind", "JUNIOR_COLUMNS", "Layout", "OrganogramImport", "OrganogramOptions", "RowWarning",
           "SENIOR_COLUMNS", "detect", "detect_file", "import_organogram", "junior_beside", "junior_rows",
           "read_organogram", "senior_rows", "write_organogram"]
