"""Receipt printing: layout, raster rendering with the bundled font, ESC/POS, printers."""
