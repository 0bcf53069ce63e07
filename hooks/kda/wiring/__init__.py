"""The MkDocs events of one build, handed out to the other layers."""
