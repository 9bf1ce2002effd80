"""Edits to a structure, as the window makes them, without Qt: build an edit, apply it, revert it.

Each builder takes the structure and what the user asked for, and returns an `Edit`. Applying
it is the one way an edit may be refused: `Edit.apply` raises EditRefused (from the model) with
a message fit to show, and changes nothing. The window puts edits on its undo stack
(`ui.undo.EditCommand`); the command line or a script can use them directly (`load` and
`save` from `orgdesigner.model`):

    structure = load("council.orgd")
    delete(structure, ["H2"], []).apply()  # the Head of Legal's reports move up to their director
    save(structure, "council-option-a.orgd")
"""

from .arrange import align_posts, distribute_posts
from .conflicts import resolve_conflict
from .deletion import delete
from .details import edit_proposal, edit_settings, edit_structure
from .edit import Edit, Plan
from .groups import add_group, edit_group, group_posts
from .lines import add_dotted_line, remove_line, set_manager, switch_line_kind
from .matches import decide_match
from .planning import add_responsibility, delete_responsibility, edit_responsibility, set_benchmark, set_rota
from .posts import add_post, edit_post, move_group, move_posts, paste_posts, tidy_layout

__all__ = [
    "Edit", "Plan",
    "add_dotted_line", "add_group", "add_post", "add_responsibility", "align_posts", "decide_match", "delete",
    "delete_responsibility", "distribute_posts",
    "edit_group", "edit_post", "edit_proposal", "edit_responsibility", "edit_settings", "edit_structure",
    "group_posts", "move_group", "move_posts", "paste_posts", "remove_line", "resolve_conflict", "set_benchmark",
    "set_manager", "set_rota",
    "switch_line_kind", "tidy_layout",
]
