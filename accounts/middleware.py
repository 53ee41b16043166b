"""Attach the Viewer (who the user is for this platform) to every request."""

from accounts.viewer import Viewer


class ViewerMiddleware:
    """Set `request.viewer`; its facts are queried lazily, once per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.viewer = Viewer(request.user)
        return self.get_response(request)
