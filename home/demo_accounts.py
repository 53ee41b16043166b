"""Demo accounts: users with a known password, city editor and moderator groups, workflows and collections."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

DEMO_PASSWORD = "demo-slaptazodis-2026"

MEDIA_PERMISSIONS = {
    "wagtailimages": ("add_image", "change_image", "choose_image"),
    "wagtaildocs": ("add_document", "change_document", "choose_document"),
}


def demo_user(username, email, superuser=False):
    """Create or refresh a demo user with a verified e-mail address."""
    from allauth.account.models import EmailAddress

    user, _ = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    user.email = email
    user.is_staff = superuser
    user.is_superuser = superuser
    user.set_password(DEMO_PASSWORD)
    user.save()
    EmailAddress.objects.update_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _page_group(name, hubs, codenames):
    """Create or refresh a group that may use the Wagtail admin with these page permissions on the hubs."""
    group, _ = Group.objects.get_or_create(name=name)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for hub in hubs:
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=hub,
                permission=Permission.objects.get(codename=codename, content_type__app_label="wagtailcore"),
            )
    return group


def city_groups(data, city, city_en):
    """Give the city its editors (and moderators with a workflow where the city wants one)."""
    hubs = (city, city_en)
    publishing = ("add_page", "change_page", "publish_page")
    # In a moderated city editors may not publish: their changes go through the workflow.
    editors = _page_group(f"{data.title.lt} editors", hubs, publishing[:2] if data.moderated else publishing)
    city_collection(data, [editors])
    editor = demo_user(f"{data.slug}-editor", f"{data.slug}-editor@example.com")
    editor.groups.add(editors)
    users = {editor.username: editor}
    if data.moderated:
        moderators = _page_group(f"{data.title.lt} moderators", hubs, publishing)
        moderator = demo_user(f"{data.slug}-moderator", f"{data.slug}-moderator@example.com")
        moderator.groups.add(moderators)
        city_collection(data, [moderators])
        users[moderator.username] = moderator
        task, _ = GroupApprovalTask.objects.get_or_create(name=f"{data.title.lt}: moderatorių patvirtinimas")
        task.groups.set([moderators])
        workflow, _ = Workflow.objects.get_or_create(name=f"{data.title.lt}: moderavimas")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        for hub in hubs:
            WorkflowPage.objects.update_or_create(page=hub, defaults={"workflow": workflow})
    return users


def city_collection(data, groups):
    """Give the city its image and document collection, which its groups may use (and see who registered)."""
    root = Collection.get_first_root_node() or Collection.add_root(name="Root")  # gone after a test flush
    collection = root.get_children().filter(name=data.title.lt).first()
    if collection is None:
        collection = root.add_child(name=data.title.lt)
    view_registrations = Permission.objects.get(content_type__app_label="home", codename="view_eventregistration")
    for group in groups:
        group.permissions.add(view_registrations)
        for app_label, codenames in MEDIA_PERMISSIONS.items():
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=collection,
                    permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
                )
    return collection
