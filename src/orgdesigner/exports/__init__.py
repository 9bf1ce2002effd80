"""A chart in the forms people pass around besides the PDF: a picture (PNG, SVG) and slides (PPTX).

Each draws from the same chart source as the PDF (`pdf/chart/document.py`: the chosen part, its
heading, its cards' facts) and the same drawing or the same page plan.
"""
