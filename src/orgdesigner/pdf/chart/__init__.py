"""A chart on paper: planning its pages, painting cards and lines, and the chart-only PDF."""
