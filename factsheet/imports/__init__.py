"""Import annotations from the tools analysts use (brat, Label Studio, W3C Web Annotation and
Hypothesis, doccano).

Each tool reader works in two steps (STYLE.md): a faithful model in the tool's own words,
then one conversion into ``ToolDocument`` (model.py), the neutral form this package turns
into our annotation mapping (convert.py). Offsets are verified and repaired at the boundary
(offsets.py); labels follow the default convention or a mapping file (labels.py).
"""
