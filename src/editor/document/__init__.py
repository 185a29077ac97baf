"""A post file: reading it safely, its front matter, and its prose projection with offsets."""
