"""The press kit: one view of the footprint as files a journalist can use without the app
(images, a one-page PDF, spreadsheets, the standalone map page), drawn offline in Python."""
