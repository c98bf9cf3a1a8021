#include "Pages.h"
#include "SetupWizard.h"
#include "ui/widgets/FieldMessage.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/PlainText.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSet>
#include <QHeaderView>
#include <QStyledItemDelegate>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Dps::Ui {

namespace {
// QTreeView asks its delegate for a row's height without the column's width, so wrapped text is cut
// to one line. This delegate measures the text at its column's width.
class WrappingDelegate : public QStyledItemDelegate
{
public:
    explicit WrappingDelegate(QTreeView *view)
        : QStyledItemDelegate(view)
        , m_view(view)
    {}

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem o = option;
        initStyleOption(&o, index);
        const int width = qMax(20, m_view->header()->sectionSize(index.column()) - kMargins);
        const QRect text = o.fontMetrics.boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, o.text);
        return QSize(width + kMargins, text.height() + 4);
    }

private:
    static constexpr int kMargins = 8; // the style's text margins, with room to spare
    QTreeView *m_view;
};
} // namespace

ReviewPage::ReviewPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("reviewPage"));
    setTitle(tr("Review"));
    setSubTitle(tr("Nothing has been changed in Azure yet. The plan below compares your choices with what Azure holds; "
                   "Apply makes exactly these changes."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Apply"));

    m_summary = new QLabel(this);
    m_summary->setTextFormat(Qt::PlainText); // names of existing resources come from Azure
    m_summary->setObjectName(QStringLiteral("planSummary"));
    wrapText(m_summary);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("reviewBanner"));
    // The checks as wrapping lines (icon, what was found, what to do) with a Fix button where one exists.
    m_checks = new QWidget(this);
    m_checks->setObjectName(QStringLiteral("checkList"));
    m_checks->setAccessibleName(tr("Checks before applying"));
    m_checksLayout = new QVBoxLayout(m_checks);
    m_checksLayout->setContentsMargins(4, 4, 4, 4);
    m_checksArea = new QScrollArea(this);
    m_checksArea->setWidget(m_checks);
    m_checksArea->setWidgetResizable(true);
    m_checksArea->setFrameShape(QFrame::StyledPanel);
    m_calls = new QTreeWidget(this);
    m_calls->setObjectName(QStringLiteral("callList"));
    m_calls->setAccessibleName(tr("Azure Resource Manager calls"));
    m_calls->setHeaderLabels({tr("Purpose"), tr("Call")});
    m_calls->setRootIsDecorated(false);
    m_calls->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_calls->header()->setStretchLastSection(true);
    m_calls->header()->resizeSection(0, m_calls->fontMetrics().averageCharWidth() * 60);
    // Whole text, wrapped, never elided: a cut path hides which resource a call writes.
    m_calls->setTextElideMode(Qt::ElideNone);
    m_calls->setWordWrap(true);
    m_calls->setUniformRowHeights(false);
    m_calls->setItemDelegate(new WrappingDelegate(m_calls));
    // Rows get their height from the column widths: again when a column is resized.
    connect(m_calls->header(), &QHeaderView::sectionResized, m_calls, [this] { m_calls->doItemsLayout(); });
    m_calls->setSelectionMode(QAbstractItemView::NoSelection);

    auto *checksLabel = new QLabel(tr("C&hecks:"), this);
    checksLabel->setBuddy(m_checksArea);
    auto *callsLabel = new QLabel(tr("The Azure Resource Manager &calls Apply makes (changes in bold):"), this);
    callsLabel->setBuddy(m_calls);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_banner);
    layout->addWidget(checksLabel);
    layout->addWidget(m_checksArea, 1);
    layout->addWidget(callsLabel);
    layout->addWidget(m_calls, 1);

    connect(&controller, &Setup::SetupController::checksFinished, this, &ReviewPage::onChecks);
    connect(&controller, &Setup::SetupController::failed, this, [this](const Arm::ArmError &error) {
        // The checks themselves could not run (not the checks failing: those arrive as checksFinished).
        if (!m_checking || wizard()->currentPage() != this)
            return;
        m_checking = false;
        m_banner->clearActions();
        m_banner->showError(error);
        m_banner->addAction(tr("Chec&k again"), [this] { initializePage(); });
        Q_EMIT completeChanged();
    });
}

// The plan in words: what is new, what changes in existing resources (before -> after), what stays.
QString ReviewPage::describe(const Setup::Plan &plan)
{
    if (plan.nothingToDo())
        return tr("Nothing to do: everything in Azure is already as you chose. Apply changes nothing.");
    const Setup::Plan::Summary summary = plan.summary();
    QStringList out;
    auto section = [&out](const QString &title, const QStringList &lines) {
        if (lines.isEmpty())
            return;
        if (!out.isEmpty())
            out << QString();
        out << title;
        for (const QString &line : lines)
            out << QStringLiteral("• ") + line;
    };
    section(tr("New:"), summary.created);
    section(tr("Changes to existing resources (before → after):"), summary.changed);
    section(tr("Unchanged:"), summary.unchanged);
    return out.join(QLatin1Char('\n'));
}

// A URL path has no spaces to wrap at: a zero-width space after each '/', '?' and '&' lets it wrap
// there (the tooltip keeps the plain text).
QString ReviewPage::breakable(const QString &path)
{
    QString out;
    out.reserve(path.size() + path.size() / 8);
    for (const QChar c : path) {
        out += c;
        if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('&'))
            out += QChar(0x200B);
    }
    return out;
}

void ReviewPage::initializePage()
{
    m_summary->setText(tr("Reading what exists in Azure to make the plan…"));
    m_summary->setAccessibleName(m_summary->text());
    m_calls->clear();
    clearChecks();
    m_banner->clear();
    if (controller().hasUnfinishedRun())
        m_banner->showMessage(Status::Info, tr("An earlier run of this plan stopped before it finished. Apply continues "
                                               "where it stopped; nothing is created twice."));
    m_checking = true;
    m_passed = false;
    addCheckRow(Status::Busy, tr("Checking names, subscriptions and permissions in Azure…"));
    controller().runChecks();
    Q_EMIT completeChanged();
}

void ReviewPage::showPlan()
{
    const std::optional<Setup::Plan> plan = controller().currentPlan();
    m_calls->clear();
    if (!plan) {
        m_summary->setText(tr("The plan is made once the checks pass."));
        m_summary->setAccessibleName(m_summary->text());
        return;
    }
    m_summary->setText(describe(*plan));
    m_summary->setAccessibleName(m_summary->text());
    for (const Setup::PlannedCall &call : plan->calls()) {
        const QString text = QStringLiteral("%1 %2?api-version=%3").arg(call.method, call.path, call.apiVersion);
        auto *item = new QTreeWidgetItem(m_calls, {call.purpose, breakable(text)});
        item->setToolTip(1, plainToolTip(text));
        if (call.isWrite()) {
            QFont bold = item->font(1);
            bold.setBold(true);
            item->setFont(1, bold);
        }
    }
}

void ReviewPage::onChecks(const QList<Setup::CheckResult> &checks)
{
    if (wizard() && wizard()->currentPage() != this)
        return;
    m_checking = false;
    clearChecks();
    showPlan();
    m_passed = true;
    QSet<QString> shown;
    for (const auto &c : checks) {
        // One region look-up can answer two checks (DPS and hub) with the same sentence: show it once.
        const QString key = QStringLiteral("%1|%2").arg(c.passed).arg(c.message);
        if (shown.contains(key))
            continue;
        shown.insert(key);
        QPushButton *button = nullptr;
        if (!c.passed) {
            m_passed = false;
            if (c.fixable) {
                button = new QPushButton(tr("&Fix it"), m_checks);
                button->setObjectName(QStringLiteral("fix-%1").arg(c.id));
                button->setAccessibleName(tr("Fix: %1").arg(c.fix));
                const QString id = c.id;
                const QString fix = c.fix;
                connect(button, &QPushButton::clicked, this, [this, id, fix] {
                    auto run = [this, id] {
                        m_checking = true;
                        clearChecks();
                        addCheckRow(Status::Busy, tr("Fixing, then checking again…"));
                        controller().applyFix(id);
                        Q_EMIT completeChanged();
                    };
                    // Deleting a resource whose creation failed is destructive: ask first.
                    if (id.endsWith(QLatin1String("-failed")) && setupWizard())
                        setupWizard()->confirm(tr("Delete and create again?"), fix, tr("&Delete"), run);
                    else
                        run();
                });
            }
        }
        //: A failed check, then what to do about it.
        const QString text = c.passed || c.fix.isEmpty() ? c.message : tr("%1 What to do: %2").arg(c.message, c.fix);
        addCheckRow(c.passed ? Status::Ok : Status::Error, text, button)->setProperty("checkId", c.id);
    }
    if (!m_passed) {
        m_banner->clearActions();
        m_banner->showMessage(Status::Error, tr("Some checks failed. Go back and change the plan, or fix what is listed, then check again."));
        m_banner->addAction(tr("Chec&k again"), [this] { initializePage(); });
    } else if (!controller().hasUnfinishedRun()) {
        m_banner->clear();
    }
    Q_EMIT completeChanged();
}

void ReviewPage::clearChecks()
{
    while (QLayoutItem *item = m_checksLayout->takeAt(0)) {
        if (item->widget())
            item->widget()->deleteLater();
        delete item;
    }
}

FieldMessage *ReviewPage::addCheckRow(Status status, const QString &text, QPushButton *button)
{
    auto *row = new QWidget(m_checks);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    auto *message = new FieldMessage(nullptr, row);
    message->setMessage(status, text);
    rowLayout->addWidget(message, 1);
    if (button) {
        button->setParent(row);
        rowLayout->addWidget(button, 0, Qt::AlignTop);
    }
    // Insert above the stretch that keeps the rows at the top.
    if (m_checksLayout->count() == 0)
        m_checksLayout->addStretch();
    m_checksLayout->insertWidget(m_checksLayout->count() - 1, row);
    return message;
}

bool ReviewPage::isComplete() const
{
    return !m_checking && m_passed;
}

bool ReviewPage::validatePage()
{
    controller().rememberChoices();
    return true;
}

} // namespace Dps::Ui
