"""Label badges as SVG made at build time: readable text, an accessible title, no fonts fetched."""

from __future__ import annotations

from xml.sax.saxutils import escape

from i4ms.views.badge_geometry import part_width, right_text


def badge_svg(name: str, year: int | None, holder: str | None = None) -> str:
    """A two-part badge: label name on dark blue, year (or 'I4MS') on a lighter part."""
    right = right_text(year)
    lw, rw = part_width(name), part_width(right)
    total = lw + rw
    title = f"{name} {year}" if year else name
    if holder:
        title += f" — held by {holder}"
    t = escape(title)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="24" '
        f'viewBox="0 0 {total} 24" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}">'
        f"<title>{t}</title>"
        f'<rect width="{lw}" height="24" rx="3" fill="#12306b"/>'
        f'<rect x="{lw}" width="{rw}" height="24" rx="3" fill="#f5b400"/>'
        f'<rect x="{lw - 3}" width="6" height="24" fill="#f5b400"/>'
        f'<rect x="{lw - 3}" width="3" height="24" fill="#12306b"/>'
        '<g font-family="Verdana,DejaVu Sans,Arial,sans-serif" font-size="11" '
        'text-anchor="middle">'
        f'<text x="{lw / 2:.1f}" y="16" fill="#ffffff">{escape(name)}</text>'
        f'<text x="{lw + rw / 2:.1f}" y="16" fill="#111111">{escape(right)}</text>'
        "</g></svg>\n"
    )
