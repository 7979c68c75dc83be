"""The layout facts of the synthetic exhibits that the rest of the demo relies on.

Page indexes are 0-based. :mod:`clawback.demo.exhibits` re-exports every name here; the
builders import them from this module so that none of them has to import the entry point.
"""

from __future__ import annotations

#: Exhibit number -> page count, as the case's Bates ranges require.
EXHIBIT_PAGES: dict[int, int] = {1: 5, **dict.fromkeys(range(2, 18), 1), 18: 17, 19: 19}

FIR_SECRET_PAGE = 12  # Ex. 18 page index of AOL-DEF-00528703
FIR_CODE_LABEL = "Report tracking no.:"
FIR_GAPS_HEADING = "Information Gaps"
PPT_SECRET_PAGE = 12  # Ex. 19 page index of AOL-DEF-00516617
PPT_CODE_LABEL = "Database ID:"
PPT_IMAGE_PAGE = 13  # Ex. 19 page index of AOL-DEF-00516618
SHARED_IMAGE_EXHIBIT = 5  # its picture reappears on Ex. 19 page PPT_IMAGE_PAGE

SYNTHETIC_MARK = "SYNTHETIC DEMONSTRATION DOCUMENT"
#: Points at the bottom of every page that stay free of any content (0.75 in).
BOTTOM_CLEARANCE = 54.0
