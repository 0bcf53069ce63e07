"""What refuses bad input: content safety, privacy, front matter, the macro sandbox."""
