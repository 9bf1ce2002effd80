"""The Scenario menu and the toolbar's scenario box: show, add, rename, delete, set as baseline.

The questions it asks (a name, a confirmation) are methods, so tests and other front ends
can answer them without a modal dialog.
"""

from __future__ import annotations

from string import ascii_uppercase

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QComboBox, QInputDialog, QLineEdit, QMainWindow, QMenu, QMessageBox

from .document import Document


class ScenarioControls(QObject):
    switched = Signal()
    """The user chose another scenario (the window fits the new chart to the view)."""

    def __init__(self, document: Document, window: QMainWindow) -> None:
        super().__init__(window)
        self.document = document
        self.window = window
        self.menu = QMenu("S&cenario", window)
        self.combo = QComboBox()
        self.combo.setObjectName("scenario_box")
        self.combo.setToolTip("The scenario shown; the baseline is the one options are compared against")
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        self.combo.activated.connect(lambda index: self.show_scenario(self.combo.itemData(index)))
        self.choices = QActionGroup(self)
        self.new_action = self._action("&New Scenario…", self.new_scenario,
                                       "Add a copy of this scenario under a new name")
        self.rename_action = self._action("&Rename Scenario…", self.rename_scenario, "Rename this scenario")
        self.delete_action = self._action("&Delete Scenario…", self.delete_scenario,
                                          "Remove this scenario from the file")
        self.baseline_action = self._action("Set as &Baseline", self.set_baseline,
                                            "Make this scenario the one options are compared against")
        document.scenarios_changed.connect(self.refresh)
        self.refresh()

    def _action(self, text: str, slot, tip: str) -> QAction:
        action = QAction(text, self)
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def refresh(self) -> None:
        """Rebuild the menu's list and the box from the document's scenarios."""
        scenarios, shown = self.document.scenarios, self.document.structure
        self.menu.clear()
        self.combo.clear()
        for action in self.choices.actions():
            self.choices.removeAction(action)
            action.deleteLater()
        for structure in scenarios:
            label = structure.scenario + (" (baseline)" if structure is scenarios.baseline else "")
            self.combo.addItem(label, structure.scenario)
            action = QAction(label.replace("&", "&&"), self.choices)
            action.setCheckable(True)
            action.setChecked(structure is shown)
            action.triggered.connect(lambda _checked=False, name=structure.scenario: self.show_scenario(name))
            self.menu.addAction(action)
            if structure is shown:
                self.combo.setCurrentIndex(self.combo.count() - 1)
        self.menu.addSeparator()
        self.menu.addActions([self.new_action, self.rename_action, self.delete_action, self.baseline_action])
        self.delete_action.setEnabled(len(scenarios) > 1)
        self.baseline_action.setEnabled(shown is not scenarios.baseline)

    # ----- what the user does ------------------------------------------------------------

    def show_scenario(self, name: str) -> None:
        if self.document.switch_scenario(name):
            self.switched.emit()

    def new_scenario(self) -> None:
        shown = self.document.structure.scenario
        name = self.ask_name("New scenario", f"Name of the new scenario (a copy of '{shown}'):", self._unused_name())
        if name is not None and self.document.add_scenario(name):
            self.switched.emit()
            self._say(f"Added the scenario '{self.document.structure.scenario}'")

    def rename_scenario(self) -> None:
        old = self.document.structure.scenario
        name = self.ask_name("Rename scenario", f"New name for '{old}':", old)
        if name is not None and self.document.rename_scenario(name):
            self._say(f"Renamed '{old}' to '{self.document.structure.scenario}'")

    def delete_scenario(self) -> None:
        name = self.document.structure.scenario
        if len(self.document.scenarios) > 1 and self.confirm_delete(name) and self.document.remove_scenario(name):
            self.switched.emit()
            self._say(f"Deleted the scenario '{name}'")

    def set_baseline(self) -> None:
        name = self.document.structure.scenario
        if self.document.set_baseline(name):
            self._say(f"'{name}' is now the baseline")

    # ----- questions (overridable) -------------------------------------------------------

    def ask_name(self, title: str, label: str, text: str) -> str | None:
        """The name the user typed, or None if they cancelled."""
        name, ok = QInputDialog.getText(self.window, title, label, QLineEdit.Normal, text)
        return name if ok else None

    def confirm_delete(self, name: str) -> bool:
        answer = QMessageBox.question(
            self.window, "Delete scenario",
            f"Delete the scenario '{name}' and its changes? The file on disk keeps it until you save.",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        return answer == QMessageBox.Yes

    # ----- helpers -----------------------------------------------------------------------

    def _unused_name(self) -> str:
        taken = set(self.document.scenarios.names)
        for letter in ascii_uppercase:
            if f"Option {letter}" not in taken:
                return f"Option {letter}"
        return f"{self.document.structure.scenario} (copy)"

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 4000)
