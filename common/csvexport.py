"""CSV exports that spreadsheet programs open right: a UTF-8 byte-order mark, then the rows."""

import csv
import io

# Without it Excel reads UTF-8 as the local code page and mangles Lithuanian letters (ą, č, ė, š, ž).
BOM = "\ufeff"


def csv_text(header, rows) -> str:
    """Return the header (translated labels) and rows as CSV text starting with a BOM."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out)
    writer.writerow([str(label) for label in header])
    writer.writerows(rows)
    return out.getvalue()
