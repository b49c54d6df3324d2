"""kpos: who demands what, and in which order, in the talks over ending the Korean War."""

__version__ = "0.1.0"
