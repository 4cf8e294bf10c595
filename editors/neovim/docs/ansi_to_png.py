"""Renders a `tmux capture-pane -e -p` capture (24-bit SGR colours) as a PNG.

    python ansi_to_png.py screen.ansi screen.png    # needs Pillow and DejaVu Sans Mono
"""
import re
import sys

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"
BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
DEFAULT_FG, DEFAULT_BG = (224, 226, 234), (20, 22, 27)  # Neovim's default colour scheme
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def cells(line):
    """(character, foreground, background, bold) for each cell of a captured line."""
    fg, bg, bold, pos = DEFAULT_FG, DEFAULT_BG, False, 0
    for match in SGR.finditer(line + "\x1b[m"):
        for ch in line[pos:match.start()]:
            yield ch, fg, bg, bold
        pos = match.end()
        codes = [int(c) if c else 0 for c in match.group(1).split(";")]
        i = 0
        while i < len(codes):
            code = codes[i]
            if code == 0:
                fg, bg, bold = DEFAULT_FG, DEFAULT_BG, False
            elif code == 1:
                bold = True
            elif code == 22:
                bold = False
            elif code in (38, 48) and codes[i + 1:i + 2] == [2]:
                colour = tuple(codes[i + 2:i + 5])
                fg, bg = (colour, bg) if code == 38 else (fg, colour)
                i += 4
            elif code == 39:
                fg = DEFAULT_FG
            elif code == 49:
                bg = DEFAULT_BG
            i += 1


def main(source, target):
    lines = open(source, encoding="utf-8").read().rstrip("\n").split("\n")
    font, bold_font = ImageFont.truetype(FONT, 16), ImageFont.truetype(BOLD, 16)
    width, height = round(font.getlength("M")), 20
    columns = max(sum(1 for _ in cells(line)) for line in lines)
    image = Image.new("RGB", (columns * width + 16, len(lines) * height + 16), DEFAULT_BG)
    draw = ImageDraw.Draw(image)
    for row, line in enumerate(lines):
        for column, (ch, fg, bg, bold) in enumerate(cells(line)):
            x, y = 8 + column * width, 8 + row * height
            draw.rectangle([x, y, x + width, y + height], fill=bg)
            draw.text((x, y + 1), ch, fill=fg, font=bold_font if bold else font)
    image.save(target)


if __name__ == "__main__":
    main(*sys.argv[1:3])
