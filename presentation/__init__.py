"""How figures look, wherever they are shown: value formats and the chart style.

Shared by the app (ui/, pages/) and the snapshot reports (reports/), so the two never disagree on
how 66.7% or 1,200,000원 is written, and neither imports the other: reports/ never imports ui/.
It imports nothing else of the project.
"""
