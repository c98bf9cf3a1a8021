#include "Pages.h"
#include "SetupWizard.h"
#include "ui/widgets/FieldMessage.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/PlainText.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Dps::Ui {

namespace {
Status statusOf(Setup::StepState state)
{
    switch (state) {
    case Setup::StepState::Pending:
        return Status::Pending;
    case Setup::StepState::Running:
        return Status::Busy;
    case Setup::StepState::Succeeded:
    case Setup::StepState::AlreadyDone:
        return Status::Ok;
    case Setup::StepState::Failed:
        return Status::Error;
    case Setup::StepState::Cancelled:
    case Setup::StepState::Blocked:
        return Status::Stopped;
    }
    return Status::None;
}

QString formatElapsed(qint64 ms)
{
    //: Elapsed time of a step, in seconds with one decimal.
    return ApplyPage::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

qint64 monotonicMs()
{
    static QElapsedTimer timer;
    if (!timer.isValid())
        timer.start();
    return timer.elapsed();
}

enum Column { StepColumn, StateColumn, TimeColumn, AzureColumn };
} // namespace

ApplyPage::ApplyPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("applyPage"));
    setTitle(tr("Apply"));
    setSubTitle(tr("Creating what is missing. Steps that don't depend on each other run at the same time."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Next"));

    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("applyHeadline"));
    wrapText(m_headline);
    m_steps = new QTreeWidget(this);
    m_steps->setObjectName(QStringLiteral("stepList"));
    m_steps->setAccessibleName(tr("Setup steps and their progress"));
    m_steps->setHeaderLabels({tr("Step"), tr("State"), tr("Time"), tr("Azure reports")});
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setSectionResizeMode(StepColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setSectionResizeMode(TimeColumn, QHeaderView::ResizeToContents);
    m_steps->header()->setStretchLastSection(true);
    m_steps->setSelectionMode(QAbstractItemView::NoSelection);
    m_steps->setTextElideMode(Qt::ElideMiddle);
    m_banner = new MessageBanner(this);
    m_banner->setObjectName(QStringLiteral("applyBanner"));
    m_stop = new QPushButton(tr("&Stop"), this);
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setAccessibleName(tr("Stop the setup"));
    m_stop->setToolTip(tr("Stops waiting and starts nothing new; what Azure is already doing finishes there."));
    m_ticker = new QTimer(this);
    m_ticker->setInterval(250);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_headline);
    layout->addWidget(m_steps, 1);
    layout->addWidget(m_banner);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_stop);
    layout->addLayout(buttons);

    connect(m_ticker, &QTimer::timeout, this, &ApplyPage::tick);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        m_stop->setEnabled(false);
        m_headline->setText(tr("Stopping…"));
        this->controller().cancelApply();
    });
    connect(&controller, &Setup::SetupController::stepChanged, this, &ApplyPage::onStep);
    connect(&controller, &Setup::SetupController::failed, this, [this](const Arm::ArmError &error) {
        if (wizard() && wizard()->currentPage() == this)
            onFailed(error);
    });
    connect(&controller, &Setup::SetupController::finished, this, [this](const Setup::SetupResult &) {
        if (wizard() && wizard()->currentPage() != this)
            return;
        m_done = true;
        m_ticker->stop();
        m_stop->setVisible(false);
        m_banner->clear();
        m_headline->setText(tr("Everything is in place. Press Next for the ID scope and the endpoints your devices need."));
        tick();
        Q_EMIT completeChanged();
    });
}

QTreeWidgetItem *ApplyPage::itemFor(Setup::StepId id)
{
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_steps->topLevelItem(i);
        if (item->data(StepColumn, Qt::UserRole).toInt() == int(id))
            return item;
    }
    // In the plan's order, whenever a step first shows up.
    int at = 0;
    while (at < m_steps->topLevelItemCount() && m_steps->topLevelItem(at)->data(StepColumn, Qt::UserRole).toInt() < int(id))
        ++at;
    auto *item = new QTreeWidgetItem({Setup::stepName(id)});
    item->setData(StepColumn, Qt::UserRole, int(id));
    m_steps->insertTopLevelItem(at, item);
    return item;
}

void ApplyPage::initializePage()
{
    start();
}

void ApplyPage::start()
{
    m_done = false;
    m_status.clear();
    m_startedAt.clear();
    m_steps->clear();
    m_banner->clear();
    m_stop->setVisible(true);
    m_stop->setEnabled(true);
    m_headline->setText(tr("Working… You can leave this window open; each step shows what Azure reports."));
    controller().startApply();
    for (const Setup::StepStatus &s : controller().steps())
        onStep(s);
    m_ticker->start();
    Q_EMIT completeChanged();
}

void ApplyPage::onStep(const Setup::StepStatus &status)
{
    if (wizard() && wizard()->currentPage() != this)
        return;
    const Setup::PlanInput &p = plan();
    if (status.id == Setup::StepId::HubResourceGroup
        && p.effectiveHubSubscription().compare(p.subscriptionId, Qt::CaseInsensitive) == 0
        && p.effectiveHubResourceGroup().compare(p.resourceGroup, Qt::CaseInsensitive) == 0)
        return; // one resource group for both: no separate step to show
    // Steps with nothing of their own to say are not shown (the policy set with the DPS's creation, the
    // registrations unless the plan registers); until the plan is made, not the registrations either.
    const std::optional<Setup::Plan> current = controller().currentPlan();
    const Setup::PlanStep *step = current ? current->step(status.id) : nullptr;
    if (step ? step->quiet : (status.id == Setup::StepId::Provider || status.id == Setup::StepId::HubProvider))
        return;
    const int key = int(status.id);
    if (status.state == Setup::StepState::Running && !m_startedAt.contains(key))
        m_startedAt.insert(key, monotonicMs() - status.elapsedMs);
    m_status.insert(key, status);
    QTreeWidgetItem *item = itemFor(status.id);
    item->setIcon(StateColumn, statusIcon(statusOf(status.state)));
    item->setText(StateColumn, Setup::stateName(status.state));
    item->setText(AzureColumn, status.state == Setup::StepState::Failed ? status.error.userMessage() : status.azureStatus);
    item->setToolTip(AzureColumn, plainToolTip(item->text(AzureColumn)));
    item->setData(StateColumn, Qt::UserRole, Setup::stateKey(status.state));
    tick();
}

void ApplyPage::tick()
{
    const qint64 now = monotonicMs();
    for (auto it = m_status.cbegin(); it != m_status.cend(); ++it) {
        const Setup::StepStatus &s = it.value();
        QTreeWidgetItem *item = itemFor(s.id);
        qint64 elapsed = s.elapsedMs;
        if (s.state == Setup::StepState::Running && m_startedAt.contains(it.key()))
            elapsed = now - m_startedAt.value(it.key());
        const bool started = s.state != Setup::StepState::Pending && !(s.state == Setup::StepState::Blocked && elapsed == 0)
                             && !(s.state == Setup::StepState::Cancelled && elapsed == 0);
        item->setText(TimeColumn, started ? formatElapsed(elapsed) : QString());
    }
}

void ApplyPage::onFailed(const Arm::ArmError &error)
{
    disconnect(m_fixConnection); // a fix that failed does not start a run later
    m_ticker->stop();
    tick();
    m_stop->setVisible(false);
    m_banner->clearActions();
    if (error.isCancelled()) {
        m_headline->setText(tr("Stopped."));
        m_banner->showMessage(Status::Stopped, tr("The setup was stopped. What was created stays in Azure; Retry continues "
                                                  "where it stopped."));
    } else {
        m_headline->setText(tr("A step failed; the others were stopped or finished."));
        QString what;
        for (const Setup::StepStatus &s : std::as_const(m_status)) {
            if (s.state != Setup::StepState::Failed)
                continue;
            const Setup::PlanInput &p = plan();
            switch (s.id) {
            case Setup::StepId::Provider:
                what = tr("Registering Microsoft.Devices in the subscription %1 failed.").arg(p.subscriptionId);
                break;
            case Setup::StepId::HubProvider:
                what = tr("Registering Microsoft.Devices in the subscription %1 failed.").arg(p.effectiveHubSubscription());
                break;
            case Setup::StepId::ResourceGroup:
                what = tr("Creating the resource group '%1' failed.").arg(p.resourceGroup);
                break;
            case Setup::StepId::HubResourceGroup:
                what = tr("Creating the resource group '%1' failed.").arg(p.effectiveHubResourceGroup());
                break;
            case Setup::StepId::Dps:
                what = p.createDps ? tr("Creating the DPS '%1' failed.").arg(p.dpsName) : tr("Reading the DPS '%1' failed.").arg(p.dpsName);
                break;
            case Setup::StepId::Hub:
                what = p.createHub ? tr("Creating the IoT hub '%1' failed.").arg(p.hubName) : tr("Reading the IoT hub '%1' failed.").arg(p.hubName);
                break;
            case Setup::StepId::Link:
                what = tr("Linking the IoT hub '%1' to the DPS '%2' failed.").arg(p.hubName, p.dpsName);
                break;
            case Setup::StepId::Policy:
                what = tr("Setting the allocation policy of the DPS '%1' failed.").arg(p.dpsName);
                break;
            }
        }
        if (error.code == QLatin1String("PlanChanged")) {
            // Nothing was written: show the plan as it is now and let the person apply that one.
            m_headline->setText(tr("Azure changed since Review. Nothing was changed."));
            const std::optional<Setup::Plan> plan = controller().currentPlan();
            m_banner->showError(error, plan ? tr("The plan as it is now:\n%1").arg(ReviewPage::describe(*plan)) : QString());
            if (plan) {
                m_banner->addAction(tr("Apply the &new plan"), [this] {
                    controller().approveCurrentPlan();
                    start();
                })->setObjectName(QStringLiteral("applyNewPlanButton"));
            }
            Q_EMIT completeChanged();
            return;
        }
        m_banner->showError(error,
                            tr("Fix what the message says, then press Retry: it continues where the run stopped "
                               "and creates nothing twice."),
                            what);
        if (error.kind == Arm::ArmError::Kind::Validation
            && (error.code == QLatin1String("dps-failed") || error.code == QLatin1String("hub-failed"))) {
            // Azure holds the resource in a failed state: delete it (after asking) and run again.
            const QString id = error.code;
            m_banner->addAction(tr("&Delete it and try again"), [this, id, error] {
                auto run = [this, id] {
                    m_banner->clearActions();
                    m_banner->showMessage(Status::Busy, tr("Deleting the failed resource, then checking again…"));
                    m_fixConnection = connect(&controller(), &Setup::SetupController::checksFinished, this,
                            [this](const QList<Setup::CheckResult> &checks) {
                                for (const auto &c : checks) {
                                    if (!c.passed) {
                                        m_banner->showMessage(Status::Error, c.fix.isEmpty() ? c.message : tr("%1 What to do: %2").arg(c.message, c.fix));
                                        m_banner->addAction(tr("&Retry"), [this] { start(); })->setObjectName(QStringLiteral("retryButton"));
                                        return;
                                    }
                                }
                                start();
                            },
                            Qt::SingleShotConnection);
                    controller().applyFix(id);
                };
                if (auto *w = setupWizard())
                    w->confirm(tr("Delete and create again?"), error.userMessage(), tr("&Delete"), run);
            })->setObjectName(QStringLiteral("deleteFailedButton"));
        }
        if (error.isMissingRegistration()) {
            m_banner->addAction(tr("Register &Microsoft.Devices"), [this] { controller().applyFix(QStringLiteral("provider-registered")); });
        }
    }
    m_banner->addAction(tr("&Retry"), [this] { start(); })->setObjectName(QStringLiteral("retryButton"));
    Q_EMIT completeChanged();
}

bool ApplyPage::isComplete() const
{
    return m_done;
}

} // namespace Dps::Ui
