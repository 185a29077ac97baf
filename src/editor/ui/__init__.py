"""The desktop editor (Qt). The only package that imports QtWidgets; nothing imports it back."""
from editor.ui._compat import protect_none

protect_none()
