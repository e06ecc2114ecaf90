"""The main window: reviews on the left, the selected review's workspace on the right."""

from PySide6.QtCore import QSettings, QSize, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.reviews import list_reviews
from db.store import StoreError
from ui.editing import Editor
from ui.icons import icon
from ui.live_updates import LiveUpdates
from ui.main_commands import NewReviewDialog, WindowCommands  # noqa: F401
from ui.offline_work import OfflineWork
from ui.review_list import ReviewListPanel
from ui.screen import (
    ListSplitter,
    fit_to_screen,
    keep_on_screen,
    restore_list,
    save_list,
    small_screen,
)
from ui.store_actions import add_store_actions
from ui.tab_names import CHRONOLOGY_KINDS, TAB_NAMES
from ui.table_tools import polish_tables
from ui.tasks import close_after_jobs
from ui.theme import ring_focused_boxes
from ui.welcome import WelcomePage
from ui.widgets import keep_focus_in_sight

# What a login to the shared store may do, as the status bar says it.
STANDINGS = {
    "manager": "Business manager: every review",
    "member": "Your reviews only (chair and author change them, panel members read them)",
    "readonly": "Read-only: every review",
}
STARTED_BY_MANAGER = (
    "On the shared store the business manager starts reviews and gives people their roles."
)


class MainWindow(WindowCommands, QMainWindow):
    def __init__(
        self,
        editor: Editor,
        settings: QSettings | None = None,
        *,
        defer_load: bool = False,
        reviews: list | None = None,
    ):
        super().__init__()
        self.editor = editor
        self.settings = settings or QSettings()
        self.action_plan = None  # the action plan across reviews, once opened
        self.owns_store = False  # a store opened from File › Open is closed with its window
        self._workspace = None
        self.learning = None  # the learning window, made when first asked for
        self.setObjectName("main_window")
        keep_focus_in_sight(QApplication.instance())
        ring_focused_boxes(QApplication.instance())

        left = self.list_panel = ReviewListPanel()
        self.list_model, self.proxy = left.model, left.proxy
        self.filter, self.list_view, self.new_button = left.filter, left.view, left.new_button
        if reviews is not None:  # read by the frame while the store opened: shown at once
            self.list_model.set_reviews(reviews, editor.ctx.today())
        self.list_view.selectionModel().currentChanged.connect(self._review_chosen)
        self.new_button.clicked.connect(self.new_review)

        self.welcome = WelcomePage()
        self.welcome.new_review.connect(self.new_review)
        self.welcome.add_demo.connect(self.add_demo_reviews)
        self.welcome.import_chronology.connect(self.import_chronology)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.welcome)
        # The review list keeps its width (and each review's countdown) whatever the tab, and
        # gives way where the window is too narrow for the tabs' labels beside it; it can be
        # dragged narrower, or folded away (View › Show review list, Ctrl+Shift+R).
        self.splitter = ListSplitter(left, self.stack, self._room_for_review)
        container = QWidget()
        outer = QVBoxLayout(container)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        if editor.readonly:
            reason = editor.ctx.store.readonly_reason or (
                "This store is open in another ReviewDesk window."
            )
            banner = QLabel(
                f"Read-only. {reason} You can look, but nothing you change here can be saved."
            )
            banner.setObjectName("readonly_banner")
            banner.setWordWrap(True)
            banner.setStyleSheet(
                "padding: 8px; background: palette(highlight); color: palette(highlighted-text);"
            )
            outer.addWidget(banner)
        outer.addWidget(self.splitter, 1)
        self.setCentralWidget(container)

        self._build_menus()
        self.statusBar().showMessage(
            f"Store: {editor.ctx.store.location}    ·    Recorded as: {editor.ctx.actor}"
            + (
                f"    ·    {STANDINGS[editor.ctx.store.standing]}"
                if editor.ctx.store.standing
                else ""
            )
            + ("    ·    READ-ONLY" if editor.readonly else "")
        )
        if editor.ctx.store.upgraded_from:
            self.statusBar().showMessage(
                f"The store was upgraded; the previous copy was kept as "
                f"{editor.ctx.store.backup_path.name}.",
                15000,
            )
        editor.changed.connect(self.refresh)
        self.live_updates = LiveUpdates(editor, self)  # others' changes to a shared store
        # Status colours are chosen for the palette in use: redraw when the system switches.
        QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: self.refresh())
        editor.failed.connect(self.show_error)
        self.new_button.setEnabled(self.can_start_reviews)
        self.findChild(QAction, "new_review").setEnabled(self.can_start_reviews)
        if not self.can_start_reviews and editor.ctx.store.standing:
            self.new_button.setToolTip(STARTED_BY_MANAGER)
        self._update_title()
        if defer_load:
            # Paint the window first; the reviews, then the open review, follow at once.
            fit_to_screen(self, QSize(1360, 860), share=0.97)
            QTimer.singleShot(0, self._load_reviews)
            QTimer.singleShot(3000, self.check_if_due)
        else:
            self.refresh()
            self._restore_state()

    def _load_reviews(self) -> None:
        self.refresh(show=False)
        QTimer.singleShot(0, self._restore_state)

    @property
    def workspace(self):
        """The review's tabs, built (and their modules imported) when first needed."""
        if self._workspace is None:
            from ui.workspace import ReviewWorkspace

            self._workspace = ReviewWorkspace(self.editor)
            self.stack.addWidget(self._workspace)
            polish_tables(self._workspace)
            self._workspace.tabs.currentChanged.connect(lambda _i: self._update_title())
            self._workspace.list_button.clicked.connect(lambda: self.show_list(True))
            self._workspace.list_button.setVisible(not self.splitter.list_shown)
        return self._workspace

    def _update_title(self) -> None:
        # The desktop adds " — ReviewDesk" after the title (the application's display name).
        review = self._workspace.review if self._workspace is not None else None
        parts = [review.reference] if review is not None else []
        parts.append(self.editor.ctx.store.label)
        if self.editor.readonly:
            parts.append("read-only")
        self.setWindowTitle(" · ".join(parts))

    # Menus ---------------------------------------------------------------------------------
    def _action(
        self, menu, text: str, slot, shortcut=None, name: str = "", icon_name: str = ""
    ) -> QAction:
        action = QAction(icon(icon_name), text, self) if icon_name else QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self._action(
            file_menu,
            "&New review…",
            self.new_review,
            QKeySequence.StandardKey.New,
            "new_review",
            "add",
        )
        self._action(
            file_menu,
            "&Open another store…",
            self.open_other_store,
            QKeySequence.StandardKey.Open,
            "open_store",
            "open",
        )
        self._action(
            file_menu,
            "Open a &shared store…",
            self.open_shared_store,
            None,
            "open_shared_store",
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            "&Import an agency chronology…",
            self.import_chronology,
            "Ctrl+I",
            "import_chronology",
            "import",
        )
        export_menu = file_menu.addMenu(icon("export"), "&Export")
        self._action(
            export_menu, "The &chronology…", self.export_chronology, None, "export_chronology"
        )
        self._action(
            export_menu,
            "A &document (PDF, Word or web page)…",
            self.export_document,
            None,
            "export_document",
        )
        self._action(
            export_menu,
            "The &action tracker…",
            lambda: self.show_action_plan().choose_export(),
            None,
            "export_tracker",
        )
        file_menu.addSeparator()
        self._action(
            file_menu, "&Back up the store…", self.backup, "Ctrl+Shift+B", "backup", "backup"
        )
        self._action(file_menu, "&Check the store", self.check_store, None, "check_store")
        add_store_actions(self, file_menu)
        self.offline = OfflineWork(self, file_menu)
        file_menu.addSeparator()
        self.delete_action = self._action(
            file_menu, "&Delete this review…", self.delete_review, None, "delete_review"
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        undo = self.editor.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.editor.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        self._action(edit_menu, "&Find a review", self.find_review, QKeySequence.StandardKey.Find)
        self._action(edit_menu, "Your &name in the audit trail…", self.change_name)

        view_menu = bar.addMenu("&View")
        for index, name in enumerate(TAB_NAMES):
            self._action(
                view_menu,
                name,
                lambda _c=False, i=index: self.workspace.tabs.setCurrentIndex(i),
                f"Ctrl+{(index + 1) % 10}" if index < 10 else None,
            )
        view_menu.addSeparator()
        self.list_action = self._action(
            view_menu,
            "Show review &list",
            self.show_list,
            "Ctrl+Shift+R",
            "show_review_list",
        )
        self.list_action.setCheckable(True)
        self.list_action.setChecked(self.splitter.list_shown)
        self.splitter.list_shown_changed.connect(self._list_shown_changed)
        self.list_panel.hide_button.clicked.connect(lambda: self.show_list(False))
        view_menu.addSeparator()
        self._action(
            view_menu,
            "&Action plan across reviews…",
            self.show_action_plan,
            "Ctrl+Shift+A",
            "action_plan",
        )
        self._action(
            view_menu, "&Learning across reviews…", self.show_learning, "Ctrl+Shift+L", "learning"
        )
        self._action(view_menu, "&Reload", self.refresh, QKeySequence.StandardKey.Refresh)

        help_menu = bar.addMenu("&Help")
        self._action(
            help_menu,
            "ReviewDesk &help",
            self.show_help,
            QKeySequence.StandardKey.HelpContents,
            "help",
            "help",
        )
        self._action(help_menu, "&About ReviewDesk", self.about)
        for action in (undo, redo):
            action.setEnabled(action.isEnabled() and not self.editor.readonly)

    # The review list ---------------------------------------------------------------------
    def show_list(self, shown: bool = True) -> None:
        """Show or fold away the review list; shown, it takes the keyboard's focus."""
        if not shown and self.list_panel.isAncestorOf(self.focusWidget()):
            target = self.stack.currentWidget()
            if self._workspace is not None and target is self._workspace:
                target = self._workspace.tabs.tabBar()
            target.setFocus()  # never left on a list no longer in sight
        self.splitter.set_list_shown(shown)
        if shown:
            self.list_view.setFocus()

    def find_review(self) -> None:
        self.splitter.set_list_shown(True)
        self.filter.setFocus()
        self.filter.selectAll()

    def _list_shown_changed(self, shown: bool) -> None:
        self.list_action.setChecked(shown)
        if self._workspace is not None:
            self._workspace.list_button.setVisible(not shown)

    def _room_for_review(self) -> int:
        """What the open review needs beside the list: its tabs' labels whole."""
        if self._workspace is None or self.stack.currentWidget() is not self._workspace:
            return 0
        return self._workspace.room_for_tabs()

    # Data ----------------------------------------------------------------------------------
    @property
    def can_start_reviews(self) -> bool:
        """A store file's owner and the shared store's business manager start reviews."""
        store = self.editor.ctx.store
        return not store.readonly and store.standing in (None, "manager")

    def current_review_id(self) -> int | None:
        index = self.list_view.currentIndex()
        if not index.isValid():
            return None
        return self.list_model.review_at(self.proxy.mapToSource(index).row()).id

    def select_review(self, review_id: int) -> None:
        row = self.list_model.row_of(review_id)
        if row >= 0:
            self.list_view.setCurrentIndex(self.proxy.mapFromSource(self.list_model.index(row)))

    def refresh(self, kind: str = "", show: bool = True) -> None:
        current = self.current_review_id()
        try:
            reviews = list_reviews(self.editor.ctx)
        except (UserError, StoreError) as exc:
            self.show_error(str(exc))
            return
        self.list_model.set_reviews(reviews, self.editor.ctx.today())
        if current is not None and self.list_model.row_of(current) >= 0:
            self.list_view.blockSignals(True)
            self.select_review(current)
            self.list_view.blockSignals(False)
        self.welcome.show_state(bool(reviews), not self.can_start_reviews, True)
        focus = QApplication.focusWidget()
        if not reviews and (focus is None or focus in (self.filter, self.list_view)):
            self.welcome.take_focus()
        if not show:
            return
        loaded = self._workspace is not None and self._workspace.review is not None
        if kind in CHRONOLOGY_KINDS and loaded:
            # Only the chronology side changed: reload it, not every tab.
            self.workspace.chronology_changed()
        else:
            self._show(self.current_review_id())

    def _review_chosen(self, *_args) -> None:
        self._show(self.current_review_id())

    def _show(self, review_id: int | None) -> None:
        if review_id is None and self._workspace is None:
            shown = False
        else:
            shown = self.workspace.show_review(review_id)
        self.stack.setCurrentWidget(self.workspace if shown else self.welcome)
        if not shown:
            self.splitter.set_list_shown(True)  # nothing else to look at
        self.splitter.fit()
        self.delete_action.setEnabled(shown and not self.editor.readonly)
        self.offline.review_shown(review_id if shown else None)
        self._update_title()

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, "ReviewDesk", message)

    # Window state --------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            keep_on_screen(self)
        else:
            fit_to_screen(self, QSize(1360, 860), share=0.97)
        first_start = not restore_list(self.splitter, self.settings)
        tab = self.settings.value("window/tab", 0, type=int)
        last = self.settings.value("window/review", 0, type=int)
        if last and self.list_model.row_of(last) >= 0:
            self.select_review(last)
        elif self.list_model.rowCount():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))
        if self._workspace is not None:
            self._workspace.tabs.setCurrentIndex(tab)
        if first_start and small_screen(self) and not self.splitter.would_fit(self.width()):
            # A projector, the first time: the review's tabs come first (Ctrl+Shift+R brings
            # the list back). Later, the list gives way to the tabs as far as its minimum.
            self.splitter.set_list_shown(False)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        focused = self.focusWidget()
        if focused is not None:
            focused.clearFocus()  # commits a field still being edited
        self.settings.setValue("window/geometry", self.saveGeometry())
        save_list(self.splitter, self.settings)
        if self._workspace is not None:
            self.settings.setValue("window/tab", self._workspace.tabs.currentIndex())
        self.settings.setValue("window/review", self.current_review_id() or 0)
        self.live_updates.close()
        super().closeEvent(event)
        if self.owns_store:
            # Closed once no job is left using it: a write is waited for, while a reading
            # walked away from (a huge sheet, Cancel pressed) does not keep the window up.
            close_after_jobs(self.editor.ctx.store.close)
