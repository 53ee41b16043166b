"""Pictures for the demo, drawn locally with Pillow (nothing is downloaded)."""

import hashlib
from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont

PALETTES = [
    ("#00594f", "#0b6e63", "#ffbf47"),
    ("#1d3557", "#457b9d", "#f1faee"),
    ("#6a040f", "#9d0208", "#ffba08"),
    ("#264653", "#2a9d8f", "#e9c46a"),
    ("#3d405b", "#81b29a", "#f2cc8f"),
]


def _font(size):
    for name in ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size)


def draw_picture(title, width=1600, height=900):
    """Return PNG bytes of a skyline-and-sun picture with the title, the same for the same title."""
    seed = int(hashlib.sha256(title.encode()).hexdigest(), 16)
    sky, city, sun = PALETTES[seed % len(PALETTES)]
    image = PILImage.new("RGB", (width, height), sky)
    draw = ImageDraw.Draw(image)
    draw.ellipse([width * 0.68, height * 0.12, width * 0.68 + 220, height * 0.12 + 220], fill=sun)
    x = 0
    step = seed
    while x < width:
        step = (step * 1103515245 + 12345) % 2**31
        w = 90 + step % 140
        h = int(height * (0.25 + (step % 1000) / 2500))
        draw.rectangle([x, height - h, x + w, height], fill=city)
        x += w + 12
    font = _font(64)
    words, lines, line = title.split(), [], ""
    for word in words:
        if len(line) + len(word) > 26:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    for number, text in enumerate(lines[:3]):
        draw.text((80, 80 + number * 84), text, font=font, fill="#ffffff")
    buffer = BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def demo_image(title, collection):
    """Return the demo image with this title in the collection, drawing it the first time."""
    from wagtail.images.models import Image

    image = Image.objects.filter(title=title, collection=collection).first()
    if image is None:
        name = hashlib.sha1(title.encode()).hexdigest()[:12] + ".png"
        image = Image(title=title, collection=collection)
        image.file = ImageFile(BytesIO(draw_picture(title)), name=name)
        image.save()
    return image


def attach_demo_images(city, city_en, collection):
    """Give the city, its stories and its events lead images (translations share them)."""
    from home.models import EventPage, StoryPage

    pages = [city, *StoryPage.objects.descendant_of(city), *EventPage.objects.descendant_of(city)]
    for page in pages:
        page = page.specific
        image = demo_image(page.title, collection)
        for version in [page, *page.get_translations()]:
            version = version.specific
            if version.lead_image_id != image.pk:
                version.lead_image = image
                version.save_revision().publish()
