#pragma once

#include "Plan.h"
#include "SetupPlan.h"
#include "http/Pipeline.h"

#include <QObject>

#include <functional>
#include <memory>

namespace Dps::Setup {

// Where a run's journal (step states, LRO resume tokens) lives between processes. JSON file per plan
// under the app's data directory; never holds a secret.
class RunJournal
{
public:
    explicit RunJournal(QString directory);
    // The journal of `key`, or {} when there is none. One that cannot be read (truncated, not JSON) is
    // renamed to <key>.json.damaged and `damaged` (optional) gets that path.
    // `damaged`: where a file that is not a journal was set aside; `unreadable`: why a journal that is
    // there could not be opened (permissions, a folder in its place). Either way the result is empty.
    QJsonObject load(const QString &key, QString *damaged = nullptr, QString *unreadable = nullptr) const;
    QString lockPath(const QString &key) const; // held while a run of `key` goes on (SetupEngine::start)
    bool save(const QString &key, const QJsonObject &journal) const; // atomic (QSaveFile)
    void remove(const QString &key) const;
    QString directory() const { return m_directory; }

private:
    QString m_directory;
};

// Runs a PlanInput against Azure. The checks read what Azure holds (both subscriptions' Microsoft.Devices,
// the groups, the DPS with its links and policy, the hub and its access policy) and check the input;
// from that buildPlan() makes the plan (Plan.h), and the engine runs exactly its steps, each as soon as
// the steps it comes after are done (registration beside the DPS, DPS beside the hub, then one DPS
// update). Idempotent and resumable: a re-run reads again and plans only what is missing; an LRO
// interrupted by a killed process is resumed from the journal's resume token (or by polling the
// resource). Cancel stops polling and starts nothing new.
class SetupEngine : public QObject
{
    Q_OBJECT
public:
    SetupEngine(Services::AzureService *service, std::shared_ptr<RunJournal> journal, QObject *parent = nullptr);
    ~SetupEngine() override;

    void setInput(const PlanInput &input);
    const PlanInput &input() const { return m_input; }

    // The plan the last checks made (hasPlan() once they passed); runChecks() alone makes it for Review.
    const Plan &plan() const;
    bool hasPlan() const;
    // start() writes only if its fresh plan makes the same writes as `plan` (the reviewed one); else it
    // fails with "PlanChanged" before any write. Once per start().
    void setExpectedPlan(const Plan &plan);
    // "West Europe" for "westeurope" in the plan's texts.
    void setRegionNames(std::function<QString(const QString &)> regionName) { m_regionName = std::move(regionName); }

    void runChecks();   // emits checksFinished
    void start();       // checks, then the steps; emits stepChanged..., then finished or failed
    void cancel();
    bool isRunning() const { return m_running; }
    QList<StepStatus> steps() const;
    // Fix a fixable check (register Microsoft.Devices), then emits checksFinished again.
    void applyFix(const QString &checkId);
    // How often a resource left in progress by an interrupted run is polled when no resume token is known.
    void setPollIntervalMs(int ms);

Q_SIGNALS:
    void checksFinished(const QList<Dps::Setup::CheckResult> &checks);
    void stepChanged(const Dps::Setup::StepStatus &status);
    void finished(const Dps::Setup::SetupResult &result);
    void failed(const Dps::Arm::ArmError &error); // also for failed checks (Kind::Validation) and cancel

private:
    bool sharedResourceGroup() const;
    void track(QObject *object);
    void setStep(StepId id, StepState state, const QString &azureStatus = QString(), const Arm::ArmError *error = nullptr);
    void saveJournal();
    bool lockRun();
    void failStep(StepId id, const Arm::ArmError &error);
    void maybeFinish();
    void addCheck(const QString &id, bool passed, const QString &message, const QString &fix, bool fixable = false);
    void addFailedCall(const QString &id, const Arm::ArmError &error);
    QList<CheckResult> validateInput() const;
    void startChecks();
    void checkPhaseOne();
    void checkPhaseTwo();
    void finishChecks();
    void runSteps();
    bool stepDone(StepId id) const;
    void advance(); // starts every step whose predecessors are done; finishes when all are
    void startStep(const PlanStep &step);
    void follow(StepId id, Arm::ArmOperation *op);
    void pollResource(StepId id);
    void runLinkStep(const PlanStep &step);
    Services::KnownState known() const;
    const Arm::ProviderState *providerOf(const QString &subscription) const;
    void followDpsUpdate(StepId id, Arm::ArmOperation *op);

    struct Private;
    std::unique_ptr<Private> d;
    Services::AzureService *m_service;
    std::shared_ptr<RunJournal> m_journal;
    PlanInput m_input;
    std::function<QString(const QString &)> m_regionName;
    bool m_running = false;
};

} // namespace Dps::Setup
