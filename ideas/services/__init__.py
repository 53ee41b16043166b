"""The ideas platform's services, one module per seam; views, tasks, commands and the API call them from here."""

from .calls import IdeasError, call_settings, can_audit, can_moderate, current_phase
from .interchange import export_pb, import_pb
from .moderation import follow, moderate, post_status_update, send_update_emails
from .results import compute_results, explain, parse_results_csv, results_csv, results_rows
from .similarity import similar_ideas
from .submission import flag_idea, save_idea, save_idea_with_files
from .voting import ballot_ideas, cast_ballot, issue_codes, support

__all__ = [
    "IdeasError",
    "ballot_ideas",
    "call_settings",
    "can_audit",
    "can_moderate",
    "cast_ballot",
    "compute_results",
    "current_phase",
    "explain",
    "export_pb",
    "flag_idea",
    "follow",
    "import_pb",
    "issue_codes",
    "moderate",
    "parse_results_csv",
    "post_status_update",
    "results_csv",
    "results_rows",
    "save_idea",
    "save_idea_with_files",
    "send_update_emails",
    "similar_ideas",
    "support",
]
