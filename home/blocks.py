"""StreamField blocks shared by the content pages."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class QuoteBlock(blocks.StructBlock):
    """A pull quote with its speaker."""

    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    """A highlighted link that asks the reader to act."""

    title = blocks.CharBlock(label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("External link"))
    button_label = blocks.CharBlock(label=_("Button label"))

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action_block.html"


class ContactBlock(blocks.StructBlock):
    """A contact person: the city's one-stop contact for returnees and newcomers."""

    name = blocks.CharBlock(label=_("Name"))
    role = blocks.CharBlock(required=False, label=_("Role"))
    email = blocks.EmailBlock(required=False, label=_("E-mail"))
    phone = blocks.CharBlock(required=False, label=_("Phone"))
    address = blocks.TextBlock(required=False, label=_("Address"))
    hours = blocks.CharBlock(required=False, label=_("Opening hours"))

    class Meta:
        icon = "user"
        template = "home/blocks/contact_block.html"


class LinkListBlock(blocks.StructBlock):
    """A titled list of useful links."""

    title = blocks.CharBlock(label=_("Title"))
    links = blocks.ListBlock(
        blocks.StructBlock([("label", blocks.CharBlock(label=_("Label"))), ("url", blocks.URLBlock(label=_("Link")))]),
        label=_("Links"),
    )

    class Meta:
        icon = "link"
        template = "home/blocks/link_list_block.html"


class BodyBlock(blocks.StreamBlock):
    """The body of every content page."""

    heading = blocks.CharBlock(
        form_classname="title", icon="title", label=_("Heading"), template="home/blocks/heading_block.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Paragraph"))
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Quote"))
    embed = EmbedBlock(label=_("Embed"), max_width=800)
    call_to_action = CallToActionBlock(label=_("Call to action"))
    contact = ContactBlock(label=_("Contact"))
    links = LinkListBlock(label=_("Links"))
