"""The member's notices and preferences, and the one-click unsubscribe link of every digest."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from notifications import services
from notifications.forms import PreferenceForm
from notifications.models import Notification


@login_required
def notification_list(request):
    """List the member's notices; POST marks them all read."""
    notices = Notification.objects.filter(user=request.user)
    if request.method == "POST":
        notices.unread().update(read_at=timezone.now())
        return redirect("notifications:list")
    return render(request, "notifications/list.html", {"notices": notices[:100]})


@login_required
def preferences(request):
    """Let the member choose cities, kinds, frequency and expert alerts."""
    preference = services.preference_for(request.user)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form}, status=400 if form.errors else 200)


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a form; the signed token authorises.
def unsubscribe(request, token):
    """Confirm (GET) or perform (POST, one click) unsubscribing from every bulk message."""
    if request.method == "POST":
        preference = services.unsubscribe(token)
        status = 200 if preference else 400
        return render(request, "notifications/unsubscribed.html", {"ok": preference is not None}, status=status)
    return render(request, "notifications/unsubscribe.html", {"token": token})
