"""What a table shows on screen, read from an AppTest dataframe: its cells under their labels.

Pages hand st.dataframe machine column names and label them through column_config (ui.tables);
a viewer sees the labels, so tests read the table by them.
"""

from __future__ import annotations

import json

import pandas as pd


def shown(element) -> pd.DataFrame:
    """The dataframe element's value with each column under the label the viewer sees."""
    config = json.loads(element.proto.columns or "{}")
    labels = {name: c["label"] for name, c in config.items() if c.get("label")}
    return element.value.rename(columns=labels)
