"""Moving about the chart and working it from the keyboard: overview, find, arrow keys, choosers, right-click menus."""
