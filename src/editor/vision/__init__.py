"""Local analysis of the images of a post: what the pixels and the file's tags show.

Everything here runs on the user's machine, on a downscaled copy of each picture; nothing is sent
anywhere. The modules depend on optional packages (numpy for pixel work, an OCR engine and a face
detector where installed), which are imported by the modules that need them and only when they
are used: importing this package costs nothing and text checking never loads them.

- :mod:`editor.vision.opening` opens untrusted image files (formats, sizes, decompression bombs);
- :mod:`editor.vision.analysis` runs the detectors on one downscaled copy per image and caches
  their reports by the image's content;
- :mod:`editor.vision.composite` finds before/after composites (two to four views of one subject
  side by side, stacked or in a grid) and returns their panels' boxes;
- :mod:`editor.vision.metadata` reads EXIF/XMP hints: date taken, editing software, GPS position;
- :mod:`editor.vision.ocr` and :mod:`editor.vision.faces`, where their engines are installed, read
  the text burned into a picture and find the faces in it.
"""
