#include "SetupEngine.h"
#include "Plan.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QLoggingCategory>
#include <QPointer>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTimer>

#include <functional>
#include <utility>

Q_LOGGING_CATEGORY(lcSetup, "dps.setup")

namespace Dps::Setup {

using Arm::ArmError;
using Arm::ArmOperation;
using Services::ServiceCall;

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool validResourceName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,49}[a-zA-Z0-9]$"));
    return re.match(name).hasMatch();
}

bool validGroupName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[-\\w\\._\\(\\)]{1,90}$"), QRegularExpression::UseUnicodePropertiesOption);
    return re.match(name).hasMatch() && !name.endsWith(QLatin1Char('.'));
}

const QList<StepId> kAllSteps{StepId::Provider, StepId::HubProvider, StepId::ResourceGroup, StepId::HubResourceGroup,
                               StepId::Dps, StepId::Hub, StepId::Link, StepId::Policy};

} // namespace

// ---- RunJournal ------------------------------------------------------------------------------

RunJournal::RunJournal(QString directory)
    : m_directory(std::move(directory))
{}

QJsonObject RunJournal::load(const QString &key, QString *damaged, QString *unreadable) const
{
    const QString path = QDir(m_directory).filePath(key + QStringLiteral(".json"));
    const QFileInfo info(path);
    if (!info.exists())
        return {};
    QFile f(path);
    if (info.isDir() || !f.open(QIODevice::ReadOnly)) {
        const QString why = info.isDir() ? QStringLiteral("a folder is in its place") : f.errorString();
        qCWarning(lcSetup) << "The run journal" << path << "cannot be read:" << why;
        if (unreadable)
            *unreadable = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), why);
        return {};
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    f.close();
    if (error.error == QJsonParseError::NoError && doc.isObject())
        return doc.object();
    // Truncated or not ours: set it aside (never read it again, keep it for a bug report). Nothing is
    // lost that matters: every step looks at what Azure holds before it writes.
    const QString aside = path + QStringLiteral(".damaged");
    QFile::remove(aside);
    if (!QFile::rename(path, aside))
        QFile::remove(path);
    qCWarning(lcSetup) << "The run journal" << path << "could not be read and was set aside:" << error.errorString();
    if (damaged)
        *damaged = aside;
    return {};
}

QString RunJournal::lockPath(const QString &key) const
{
    return QDir(m_directory).filePath(key + QStringLiteral(".lock"));
}

bool RunJournal::save(const QString &key, const QJsonObject &journal) const
{
    if (!QDir().mkpath(m_directory))
        return false;
    QSaveFile f(QDir(m_directory).filePath(key + QStringLiteral(".json")));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(journal).toJson(QJsonDocument::Indented));
    return f.commit();
}

void RunJournal::remove(const QString &key) const
{
    QFile::remove(QDir(m_directory).filePath(key + QStringLiteral(".json")));
}

// ---- SetupEngine -----------------------------------------------------------------------------

struct SetupEngine::Private
{
    std::unique_ptr<QLockFile> runLock; // held from start() to the end of the run
    bool journalSaveFailed = false;     // the last save failed (said once in the log)
    QMap<StepId, StepStatus> steps;
    QJsonObject resumeTokens; // resource ("dps", "hub") -> resume token of the latest operation on it
    QList<QPointer<QObject>> inflight;
    std::optional<Arm::ProvisioningService> dps;
    std::optional<Arm::IotHub> hub;
    std::optional<ArmError> firstError;
    bool cancelled = false;
    bool checksOnly = false;
    int pendingChecks = 0;
    QList<CheckResult> checks;
    int pollIntervalMs = 1000;
    int run = 0; // which start() a pending poll timer belongs to
    // What the checks read: the plan is made from it, and the steps start from it (no second read).
    Observed observed;
    Plan plan; // no steps until the checks passed
    std::optional<Plan> approved;    // the plan the person saw (setExpectedPlan), for the next start()
    std::optional<Plan> runApproved; // ... taken by this start()
};

SetupEngine::SetupEngine(Services::AzureService *service, std::shared_ptr<RunJournal> journal, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
    , m_service(service)
    , m_journal(std::move(journal))
{
    for (StepId id : kAllSteps)
        d->steps[id].id = id;
    // A run holds its plan's lock from start() to its end, whichever way it ends.
    connect(this, &SetupEngine::finished, this, [this] { d->runLock.reset(); });
    connect(this, &SetupEngine::failed, this, [this] { d->runLock.reset(); });
}

// Two processes (two windows, a window and a script) must not run the same plan at once: they would
// write one journal and race for the same resources. The lock lives beside the journal; a holder that
// died (kill -9) leaves a stale lock, which QLockFile recognises by its process id and takes over.
bool SetupEngine::lockRun()
{
    if (!m_journal)
        return true;
    QDir().mkpath(m_journal->directory());
    auto lock = std::make_unique<QLockFile>(m_journal->lockPath(m_input.journalKey()));
    lock->setStaleLockTime(0); // only a dead holder makes it stale, never its age (runs take minutes)
    if (lock->tryLock(0)) {
        d->runLock = std::move(lock);
        return true;
    }
    qint64 pid = 0;
    QString host, app;
    lock->getLockInfo(&pid, &host, &app);
    ArmError e;
    e.kind = ArmError::Kind::Http;
    e.httpStatus = 409;
    e.code = QStringLiteral("SetupInProgress");
    e.message = lock->error() == QLockFile::LockFailedError
                    ? tr("This setup (DPS '%1', IoT hub '%2') is running in another DPS Setup (process %3). Wait until it has "
                         "finished, then try again: nothing is done twice.")
                          .arg(m_input.dpsName, m_input.hubName)
                          .arg(pid)
                    : tr("The lock of this setup (%1) cannot be created: check that the folder can be written.").arg(lock->fileName());
    QTimer::singleShot(0, this, [this, e] { Q_EMIT failed(e); });
    return false;
}

SetupEngine::~SetupEngine()
{
    // Whoever destroys a running engine is done with it: stop its polling (the work in Azure goes on, and
    // the journal lets a new engine pick it up). Disconnect first, so nothing reports back to us.
    for (const auto &o : std::as_const(d->inflight)) {
        if (!o)
            continue;
        o->disconnect(this);
        if (auto *call = qobject_cast<ServiceCall *>(o.data()))
            call->cancel();
        else if (auto *op = qobject_cast<ArmOperation *>(o.data()))
            op->cancel();
    }
}

void SetupEngine::setInput(const PlanInput &input)
{
    Q_ASSERT(!m_running);
    m_input = input;
}

void SetupEngine::setPollIntervalMs(int ms)
{
    d->pollIntervalMs = std::max(10, ms);
}

QList<StepStatus> SetupEngine::steps() const
{
    QList<StepStatus> out;
    for (StepId id : kAllSteps)
        out.append(d->steps.value(id));
    return out;
}

bool SetupEngine::sharedResourceGroup() const
{
    return m_input.effectiveHubSubscription().compare(m_input.subscriptionId, Qt::CaseInsensitive) == 0
           && m_input.effectiveHubResourceGroup().compare(m_input.resourceGroup, Qt::CaseInsensitive) == 0;
}

const Plan &SetupEngine::plan() const
{
    return d->plan;
}

bool SetupEngine::hasPlan() const
{
    return !d->plan.steps.isEmpty(); // buildPlan() always lists every step
}

// Microsoft.Devices of `subscription` (the DPS's or the hub's) as phase one read it; null before.
const Arm::ProviderState *SetupEngine::providerOf(const QString &subscription) const
{
    if (subscription.compare(m_input.subscriptionId, Qt::CaseInsensitive) == 0)
        return d->observed.provider ? &*d->observed.provider : nullptr;
    if (subscription.compare(m_input.effectiveHubSubscription(), Qt::CaseInsensitive) == 0)
        return d->observed.hubProvider ? &*d->observed.hubProvider : nullptr;
    return nullptr;
}

void SetupEngine::setExpectedPlan(const Plan &plan)
{
    d->approved = plan;
}

// ---- bookkeeping -----------------------------------------------------------------------------

void SetupEngine::track(QObject *object)
{
    d->inflight.removeAll(QPointer<QObject>()); // calls that ended have deleted themselves
    d->inflight.append(QPointer<QObject>(object));
}

void SetupEngine::setStep(StepId id, StepState state, const QString &azureStatus, const ArmError *error)
{
    StepStatus &s = d->steps[id];
    if (state == StepState::Running && s.state != StepState::Running)
        s.startedMs = nowMs();
    s.state = state;
    if (s.startedMs > 0)
        s.elapsedMs = nowMs() - s.startedMs;
    if (!azureStatus.isNull())
        s.azureStatus = azureStatus;
    if (error)
        s.error = *error;
    saveJournal();
    Q_EMIT stepChanged(s);
}

void SetupEngine::saveJournal()
{
    if (!m_journal)
        return;
    QJsonObject steps;
    for (StepId id : kAllSteps)
        steps.insert(stepKey(id), stateName(d->steps[id].state));
    const bool saved = m_journal->save(m_input.journalKey(), QJsonObject{{QStringLiteral("input"), m_input.toJson()},
                                                                         {QStringLiteral("steps"), steps},
                                                                         {QStringLiteral("resumeTokens"), d->resumeTokens},
                                                                         {QStringLiteral("updated"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}});
    // The run goes on (every step reads Azure before it writes), but an interrupted long operation
    // cannot be picked up again: said in the log, and once.
    if (!saved && !d->journalSaveFailed)
        qCWarning(lcSetup) << "The run journal could not be written in" << m_journal->directory()
                           << "- a run interrupted now will not resume its long-running operations";
    d->journalSaveFailed = !saved;
}

void SetupEngine::failStep(StepId id, const ArmError &error)
{
    if (!d->firstError)
        d->firstError = error;
    setStep(id, d->cancelled ? StepState::Cancelled : StepState::Failed, QString(), &error);
    // Everything that depends on it, directly or not, cannot start.
    bool blocked = true;
    while (blocked) {
        blocked = false;
        for (const PlanStep &s : std::as_const(d->plan.steps)) {
            if (d->steps[s.id].state != StepState::Pending)
                continue;
            for (StepId dep : s.after) {
                const StepState st = d->steps[dep].state;
                if (st == StepState::Failed || st == StepState::Cancelled || st == StepState::Blocked) {
                    setStep(s.id, StepState::Blocked);
                    blocked = true;
                    break;
                }
            }
        }
    }
    maybeFinish();
}

void SetupEngine::maybeFinish()
{
    if (!m_running)
        return;
    for (StepId id : kAllSteps) {
        if (!d->steps[id].isTerminal())
            return;
    }
    m_running = false;
    if (d->firstError) {
        Q_EMIT failed(*d->firstError);
        return;
    }
    SetupResult result;
    result.dps = *d->dps;
    result.hub = *d->hub;
    result.idScope = result.dps.idScope;
    result.serviceEndpoint = result.dps.serviceOperationsHostName;
    result.globalDeviceEndpoint = result.dps.deviceProvisioningHostName;
    result.hubHostName = result.hub.hostName;
    if (m_journal)
        m_journal->remove(m_input.journalKey());
    Q_EMIT finished(result);
}

void SetupEngine::cancel()
{
    if (!m_running)
        return;
    d->cancelled = true;
    if (!d->firstError)
        d->firstError = ArmError::cancelled();
    const auto inflight = d->inflight;
    for (const auto &o : inflight) {
        if (!o)
            continue;
        // Their (queued) cancellation must not reach us: this run ends here, and a new start() must
        // not receive the old run's answers.
        o->disconnect(this);
        if (auto *call = qobject_cast<ServiceCall *>(o.data()))
            call->cancel();
        else if (auto *op = qobject_cast<ArmOperation *>(o.data()))
            op->cancel();
    }
    d->inflight.clear();
    const ArmError cancelled = ArmError::cancelled();
    for (StepId id : kAllSteps) {
        if (d->steps[id].state == StepState::Running)
            setStep(id, StepState::Cancelled, QString(), &cancelled);
        else if (d->steps[id].state == StepState::Pending)
            setStep(id, StepState::Cancelled);
    }
    maybeFinish();
}

// ---- checks ----------------------------------------------------------------------------------

void SetupEngine::addCheck(const QString &id, bool passed, const QString &message, const QString &fix, bool fixable)
{
    d->checks.append(CheckResult{id, passed, message, fix, fixable, {}});
}

// A check that could not be made: the call's own error (sign-in, throttling, a 500) is its cause, so
// the run ends with that error rather than with "fix your input".
void SetupEngine::addFailedCall(const QString &id, const ArmError &error)
{
    d->checks.append(CheckResult{id, false, error.userMessage(), QString(), false, error});
}

QList<CheckResult> SetupEngine::validateInput() const
{
    QList<CheckResult> out;
    const PlanInput &in = m_input;
    auto fail = [&out](const QString &id, const QString &message, const QString &fix) {
        out.append(CheckResult{id, false, message, fix, false});
    };
    const QString nameRule = tr("Use 3 to 50 letters, digits and hyphens; start with a letter or digit, end with a letter or digit, and don't use only digits.");
    if (in.subscriptionId.isEmpty())
        fail(QStringLiteral("subscription"), tr("No subscription is chosen."), tr("Choose the subscription for the DPS."));
    if (!validGroupName(in.resourceGroup))
        fail(QStringLiteral("resource-group-name"), tr("The resource group name '%1' is not valid.").arg(in.resourceGroup),
             tr("Use 1 to 90 letters, digits, '-', '_', '.', '(' or ')', not ending with a period."));
    if (!sharedResourceGroup() && !validGroupName(in.effectiveHubResourceGroup()))
        fail(QStringLiteral("hub-resource-group-name"), tr("The resource group name '%1' is not valid.").arg(in.effectiveHubResourceGroup()),
             tr("Use 1 to 90 letters, digits, '-', '_', '.', '(' or ')', not ending with a period."));
    if (!validResourceName(in.dpsName))
        fail(QStringLiteral("dps-name"), tr("The DPS name '%1' is not valid.").arg(in.dpsName), nameRule);
    if (!validResourceName(in.hubName))
        fail(QStringLiteral("hub-name"), tr("The IoT hub name '%1' is not valid.").arg(in.hubName), nameRule);
    if ((in.createResourceGroup || in.createDps) && in.location.isEmpty())
        fail(QStringLiteral("location"), tr("No region is chosen for the new resources."), tr("Choose a region, for example westeurope."));
    else if (in.createHub && in.effectiveHubLocation().isEmpty())
        fail(QStringLiteral("hub-location"), tr("No region is chosen for the new IoT hub."), tr("Choose a region, for example westeurope."));
    static const QStringList policies{QStringLiteral("Hashed"), QStringLiteral("GeoLatency"), QStringLiteral("Static")};
    if (!in.allocationPolicy.isEmpty() && !policies.contains(in.allocationPolicy)) // empty: keep the DPS's own
        fail(QStringLiteral("allocation-policy"), tr("'%1' is not an allocation policy.").arg(in.allocationPolicy),
             tr("Choose Hashed (evenly weighted distribution), GeoLatency (lowest latency) or Static (static configuration)."));
    if (in.link.allocationWeight < 1 || in.link.allocationWeight > 1000)
        fail(QStringLiteral("allocation-weight"), tr("The allocation weight %1 is out of range.").arg(in.link.allocationWeight),
             tr("Use a weight from 1 to 1000."));
    if (in.createHub) {
        static const QStringList skus{QStringLiteral("F1"), QStringLiteral("B1"), QStringLiteral("B2"), QStringLiteral("B3"),
                                      QStringLiteral("S1"), QStringLiteral("S2"), QStringLiteral("S3")};
        if (!skus.contains(in.hubSku))
            fail(QStringLiteral("hub-sku"), tr("'%1' is not an IoT hub tier.").arg(in.hubSku), tr("Choose F1, B1, B2, B3, S1, S2 or S3."));
        const qint64 maxUnits = in.hubSku == QLatin1String("F1") ? 1 : (in.hubSku == QLatin1String("S3") || in.hubSku == QLatin1String("B3")) ? 10 : 200;
        if (in.hubUnits < 1 || in.hubUnits > maxUnits)
            fail(QStringLiteral("hub-units"), tr("%1 hubs can have 1 to %2 units, not %3.").arg(in.hubSku).arg(maxUnits).arg(in.hubUnits),
                 tr("Choose a number of units in that range."));
        const bool free = in.hubSku == QLatin1String("F1");
        if ((free && in.hubPartitions != 2) || (!free && (in.hubPartitions < 2 || in.hubPartitions > 128)))
            fail(QStringLiteral("hub-partitions"), tr("%1 partitions are not possible for a %2 hub.").arg(in.hubPartitions).arg(in.hubSku),
                 free ? tr("Free hubs have exactly 2 partitions.") : tr("Choose 2 to 128 partitions."));
        if (!in.link.createPolicy && in.link.accessPolicy != QLatin1String("iothubowner"))
            fail(QStringLiteral("access-policy"),
                 tr("A new hub has no policy '%1' with the rights DPS needs.").arg(in.link.accessPolicy),
                 tr("Use the policy iothubowner for a new hub."));
    }
    if (in.dpsUnits < 1 || in.dpsUnits > 10)
        fail(QStringLiteral("dps-units"), tr("A DPS can have 1 to 10 units, not %1.").arg(in.dpsUnits), tr("Choose 1 to 10 units."));
    return out;
}

void SetupEngine::runChecks()
{
    if (m_running)
        return;
    d->checksOnly = true;
    startChecks();
}

void SetupEngine::start()
{
    if (m_running)
        return;
    if (!lockRun())
        return;
    d->checksOnly = false;
    d->runApproved = std::exchange(d->approved, std::nullopt); // this start() only
    startChecks();
}

void SetupEngine::startChecks()
{
    m_running = true;
    ++d->run;
    d->cancelled = false;
    d->firstError.reset();
    d->dps.reset();
    d->hub.reset();
    d->observed = Observed();
    d->plan = Plan();
    d->checks = validateInput();
    for (StepId id : kAllSteps) {
        d->steps[id] = StepStatus();
        d->steps[id].id = id;
    }
    if (m_journal)
        d->resumeTokens = m_journal->load(m_input.journalKey()).value(QStringLiteral("resumeTokens")).toObject();
    if (!d->checks.isEmpty()) {
        // Bad input: no need to ask Azure anything.
        finishChecks();
        return;
    }
    checkPhaseOne();
}

// Phase one: the subscriptions and the Microsoft.Devices registration (everything else needs them).
void SetupEngine::checkPhaseOne()
{
    const PlanInput &in = m_input;
    QStringList subscriptions{in.subscriptionId};
    QStringList tenants{in.tenantId};
    if (in.effectiveHubSubscription().compare(in.subscriptionId, Qt::CaseInsensitive) != 0) {
        subscriptions << in.effectiveHubSubscription();
        tenants << in.effectiveHubTenant();
    }
    d->pendingChecks = int(subscriptions.size()) * 2;
    auto done = [this]() {
        if (--d->pendingChecks == 0) {
            bool ok = true;
            for (const auto &c : std::as_const(d->checks))
                ok = ok && c.passed;
            if (ok && !d->cancelled)
                checkPhaseTwo();
            else
                finishChecks();
        }
    };
    for (int i = 0; i < subscriptions.size(); ++i) {
        const QString sub = subscriptions[i];
        const QString tenant = tenants[i];
        const bool hubOnly = i == 1;
        ServiceCall *s = m_service->getSubscription(sub, tenant);
        track(s);
        Services::onResult<Arm::Subscription>(s, this,
            [this, sub, done](const Arm::Subscription &subscription) {
                addCheck(QStringLiteral("subscription-enabled"), subscription.isEnabled(),
                         subscription.isEnabled() ? tr("Subscription '%1' is enabled.").arg(subscription.displayName)
                                                  : tr("Subscription '%1' is %2; nothing can be created in it.").arg(subscription.displayName, subscription.state),
                         subscription.isEnabled() ? QString() : tr("Choose an enabled subscription, or re-enable this one in the Azure portal."));
                done();
            },
            [this, done](const ArmError &e) {
                addFailedCall(QStringLiteral("subscription-enabled"), e);
                done();
            });
        ServiceCall *p = m_service->providerState(sub, tenant);
        track(p);
        Services::onResult<Arm::ProviderState>(p, this,
            [this, sub, hubOnly, done](const Arm::ProviderState &state) {
                if (hubOnly)
                    d->observed.hubProvider = state;
                else
                    d->observed.provider = state;
                const QString id = hubOnly ? QStringLiteral("hub-provider-registered") : QStringLiteral("provider-registered");
                if (state.isRegistered())
                    addCheck(id, true, tr("Microsoft.Devices is registered in subscription %1.").arg(sub), QString());
                else if (m_input.registerProviders)
                    addCheck(id, true,
                             tr("Microsoft.Devices is not registered in subscription %1 (state: %2); the plan registers it first.")
                                 .arg(sub, state.registrationState),
                             QString());
                else
                    addCheck(id, false,
                             tr("The resource provider Microsoft.Devices is not registered in subscription %1 (state: %2).").arg(sub, state.registrationState),
                             tr("Register it: with Fix it here, or on the command line with --register-provider, which registers it "
                                "as part of the setup. It takes a minute or two."),
                             true);
                done();
            },
            [this, hubOnly, done](const ArmError &e) {
                addFailedCall(hubOnly ? QStringLiteral("hub-provider-registered") : QStringLiteral("provider-registered"), e);
                done();
            });
    }
}

// Phase two: the resources themselves (groups, names, existence, state, the hub's policy, the
// free-hub limit). What is read here is what the plan is made from (d->observed).
void SetupEngine::checkPhaseTwo()
{
    const PlanInput &in = m_input;
    d->pendingChecks = 0;
    auto begin = [this]() { ++d->pendingChecks; };
    auto done = [this]() {
        if (--d->pendingChecks == 0)
            finishChecks();
    };
    auto registered = [this](const QString &sub) {
        const Arm::ProviderState *provider = providerOf(sub);
        return provider && provider->isRegistered();
    };
    // Names are global across Azure: checked in a subscription where Microsoft.Devices is registered.
    QString nameSub, nameTenant;
    if (registered(in.subscriptionId)) {
        nameSub = in.subscriptionId;
        nameTenant = in.tenantId;
    } else if (registered(in.effectiveHubSubscription())) {
        nameSub = in.effectiveHubSubscription();
        nameTenant = in.effectiveHubTenant();
    }

    // Resource groups: there (used) or not (created, or a finding when it must exist).
    auto checkGroup = [&](const QString &sub, const QString &tenant, const QString &rg, bool create, const QString &id, bool *exists) {
        begin();
        ServiceCall *c = m_service->getResourceGroup(sub, rg, tenant);
        track(c);
        Services::onResult<Arm::ResourceGroup>(c, this,
            [this, id, rg, exists, done](const Arm::ResourceGroup &) {
                *exists = true;
                addCheck(id, true, tr("Resource group '%1' exists.").arg(rg), QString());
                done();
            },
            [this, id, rg, create, done](const ArmError &e) {
                if (e.isNotFound() && create)
                    addCheck(id, true, tr("The resource group '%1' will be created.").arg(rg), QString());
                else if (e.isNotFound())
                    addCheck(id, false, tr("The resource group '%1' does not exist.").arg(rg),
                             tr("Choose an existing resource group, or let DPS Setup create a new one."));
                else
                    addFailedCall(id, e);
                done();
            });
    };
    checkGroup(in.subscriptionId, in.tenantId, in.resourceGroup, in.createResourceGroup, QStringLiteral("resource-group"), &d->observed.groupExists);
    if (!sharedResourceGroup())
        checkGroup(in.effectiveHubSubscription(), in.effectiveHubTenant(), in.effectiveHubResourceGroup(), in.createHubResourceGroup,
                   QStringLiteral("hub-resource-group"), &d->observed.hubGroupExists);

    // A name to create: free? (Unless no subscription can answer yet: then the creation will say.)
    auto checkName = [this, begin, done, nameSub, nameTenant](bool dps, const QString &name) {
        const QString id = dps ? QStringLiteral("dps-name") : QStringLiteral("hub-name");
        if (nameSub.isEmpty()) {
            addCheck(id, true, tr("The name '%1' is checked when Microsoft.Devices is registered.").arg(name), QString());
            return;
        }
        begin();
        ServiceCall *c = dps ? m_service->checkDpsName(nameSub, name, nameTenant) : m_service->checkHubName(nameSub, name, nameTenant);
        track(c);
        Services::onResult<Arm::NameAvailability>(c, this,
            [this, id, dps, name, done](const Arm::NameAvailability &a) {
                if (dps)
                    addCheck(id, a.available,
                             a.available ? tr("The name '%1' is available for the DPS.").arg(name)
                                         : tr("The DPS name '%1' is already taken: %2").arg(name, a.message),
                             a.available ? QString() : tr("DPS names are global across Azure; choose another name."));
                else
                    addCheck(id, a.available,
                             a.available ? tr("The name '%1' is available for the IoT hub.").arg(name)
                                         : tr("The IoT hub name '%1' is already taken: %2").arg(name, a.message),
                             a.available ? QString() : tr("IoT hub names are global across Azure; choose another name."));
                done();
            },
            [this, id, done](const ArmError &e) {
                addFailedCall(id, e);
                done();
            });
    };

    // The DPS: ours already (resume), free to create, or (existing) there and usable. In a subscription
    // without Microsoft.Devices there can be none (and it can't be asked).
    auto dpsMissing = [this, checkName]() {
        if (!m_input.createDps) {
            addCheck(QStringLiteral("dps"), false, tr("The DPS '%1' does not exist in resource group '%2'.").arg(m_input.dpsName, m_input.resourceGroup),
                     tr("Choose an existing DPS, or let DPS Setup create a new one."));
            return;
        }
        checkName(true, m_input.dpsName);
    };
    if (!registered(in.subscriptionId)) {
        dpsMissing();
    } else {
        begin();
        ServiceCall *dpsCall = m_service->getDps(in.dpsRef());
        track(dpsCall);
        Services::onResult<Arm::ProvisioningService>(dpsCall, this,
            [this, done](const Arm::ProvisioningService &dps) {
                d->observed.dps = dps;
                const bool failedBefore = dps.provisioningState == QLatin1String("Failed");
                // A DPS this plan creates and whose creation failed can be deleted and created again (fix "dps-failed").
                addCheck(failedBefore ? QStringLiteral("dps-failed") : QStringLiteral("dps"), !failedBefore,
                         failedBefore ? tr("The DPS '%1' exists but its last operation failed.").arg(dps.name)
                                      : tr("The DPS '%1' exists and will be used.").arg(dps.name),
                         failedBefore ? tr("Delete the DPS '%1' and run the setup again, or choose another name.").arg(dps.name) : QString(),
                         failedBefore && m_input.createDps);
                done();
            },
            [this, dpsMissing, done](const ArmError &e) {
                if (e.isNotFound())
                    dpsMissing();
                else
                    addFailedCall(QStringLiteral("dps"), e);
                done();
            });
    }

    // The hub.
    auto hubMissing = [this, begin, done, checkName, registered]() {
        if (!m_input.createHub) {
            addCheck(QStringLiteral("hub"), false,
                     tr("The IoT hub '%1' does not exist in resource group '%2'.").arg(m_input.hubName, m_input.effectiveHubResourceGroup()),
                     tr("Choose an existing IoT hub, or let DPS Setup create a new one."));
            return;
        }
        checkName(false, m_input.hubName);
        if (m_input.hubSku == QLatin1String("F1") && registered(m_input.effectiveHubSubscription())) {
            // One free hub per subscription: say so now rather than after a failed creation.
            begin();
            ServiceCall *hubs = m_service->listHubs(m_input.effectiveHubSubscription(), QString(), m_input.effectiveHubTenant());
            track(hubs);
            Services::onResult<QList<Arm::IotHub>>(hubs, this,
                [this, done](const QList<Arm::IotHub> &list) {
                    QString existing;
                    for (const auto &h : list) {
                        if (h.skuName == QLatin1String("F1"))
                            existing = h.name;
                    }
                    addCheck(QStringLiteral("free-hub-limit"), existing.isEmpty(),
                             existing.isEmpty() ? tr("The subscription has no free hub yet.")
                                                : tr("The subscription already has a free (F1) IoT hub, '%1'; only one is allowed per subscription.").arg(existing),
                             existing.isEmpty() ? QString() : tr("Choose a paid tier such as S1 or B1, use the existing free hub, or delete it first."));
                    done();
                },
                [this, done](const ArmError &e2) {
                    addFailedCall(QStringLiteral("free-hub-limit"), e2);
                    done();
                });
        }
    };
    if (!registered(in.effectiveHubSubscription())) {
        hubMissing();
    } else {
        begin();
        ServiceCall *hubCall = m_service->getHub(in.hubRef());
        track(hubCall);
        Services::onResult<Arm::IotHub>(hubCall, this,
            [this, begin, done](const Arm::IotHub &hub) {
                d->observed.hub = hub;
                if (hub.provisioningState == QLatin1String("Failed")) {
                    addCheck(QStringLiteral("hub-failed"), false, tr("The IoT hub '%1' exists but its last operation failed.").arg(hub.name),
                             tr("Delete the IoT hub '%1' and run the setup again, or choose another hub.").arg(hub.name), m_input.createHub);
                } else if (hub.disableLocalAuth) {
                    addCheck(QStringLiteral("hub"), false, tr("The IoT hub '%1' does not allow shared access policies (local authentication is disabled).").arg(hub.name),
                             tr("Allow shared access policies on the hub, or choose another hub."));
                } else {
                    addCheck(QStringLiteral("hub"), true, tr("The IoT hub '%1' exists and will be used.").arg(hub.name), QString());
                    if (isFinalState(hub.provisioningState)) {
                        // The policy the link will use must have RegistryWrite and ServiceConnect.
                        begin();
                        ServiceCall *policy = m_service->hubPolicy(m_input.hubRef(), m_input.link.accessPolicy);
                        track(policy);
                        Services::onResult<Arm::AccessPolicy>(policy, this,
                            [this, done](Arm::AccessPolicy p) {
                                p.primaryKey.clear(); // the plan needs its name and rights only
                                p.secondaryKey.clear();
                                d->observed.accessPolicy = p;
                                addCheck(QStringLiteral("access-policy"), p.canLinkToDps(),
                                         p.canLinkToDps() ? tr("The policy '%1' has RegistryWrite and ServiceConnect.").arg(p.keyName)
                                                          : tr("The policy '%1' has the rights '%2'; linking needs RegistryWrite and ServiceConnect.").arg(p.keyName, p.rights),
                                         p.canLinkToDps() ? QString() : tr("Choose iothubowner or another policy with RegistryWrite and ServiceConnect."));
                                done();
                            },
                            [this, done](const ArmError &e) {
                                if (e.isNotFound() && m_input.link.createPolicy) {
                                    addCheck(QStringLiteral("access-policy"), true,
                                             tr("The policy '%1' will be created on the hub with RegistryWrite and ServiceConnect only.")
                                                 .arg(m_input.link.accessPolicy),
                                             QString());
                                    done();
                                    return;
                                }
                                if (e.isNotFound())
                                    addCheck(QStringLiteral("access-policy"), false,
                                             tr("The IoT hub has no access policy '%1'.").arg(m_input.link.accessPolicy),
                                             tr("Choose iothubowner or another policy with RegistryWrite and ServiceConnect."));
                                else
                                    addFailedCall(QStringLiteral("access-policy"), e);
                                done();
                            });
                    }
                }
                done();
            },
            [this, hubMissing, done](const ArmError &e) {
                if (e.isNotFound())
                    hubMissing();
                else
                    addFailedCall(QStringLiteral("hub"), e);
                done();
            });
    }

    // Regions offering DPS and IoT Hub, for what is new.
    auto checkRegion = [&](const QString &sub, const QString &tenant, const QString &location, const QStringList &ids) {
        if (const Arm::ProviderState *read = providerOf(sub)) {
            // The provider state read in phase one lists the regions of both types (display names,
            // "West Europe"): enough to check a region name without another request.
            const Arm::ProviderState &provider = *read;
            auto normalized = [](QString v) { return v.remove(QLatin1Char(' ')).toLower(); };
            QStringList hubRegions, names;
            for (const auto &r : provider.locationsOf(QStringLiteral("IotHubs")))
                hubRegions.append(normalized(r));
            for (const auto &r : provider.locationsOf(QStringLiteral("ProvisioningServices"))) {
                if (hubRegions.contains(normalized(r)))
                    names.append(normalized(r));
            }
            const bool found = names.contains(normalized(location));
            for (const QString &id : ids) {
                addCheck(id, found,
                         found ? tr("DPS and IoT Hub are offered in %1.").arg(location)
                               : tr("DPS and IoT Hub are not offered in the region '%1'.").arg(location),
                         found ? QString() : tr("Choose one of these regions: %1.").arg(names.join(QStringLiteral(", "))));
            }
            return;
        }
        begin();
        ServiceCall *c = m_service->listDeviceLocations(sub, tenant);
        track(c);
        Services::onResult<QList<Arm::Location>>(c, this,
            [this, location, ids, done](const QList<Arm::Location> &locations) {
                bool found = false;
                QStringList names;
                for (const auto &l : locations) {
                    found = found || l.name.compare(location, Qt::CaseInsensitive) == 0;
                    names.append(l.name);
                }
                for (const QString &id : ids) {
                    addCheck(id, found,
                             found ? tr("DPS and IoT Hub are offered in %1.").arg(location)
                                   : tr("DPS and IoT Hub are not offered in the region '%1'.").arg(location),
                             found ? QString() : tr("Choose one of these regions: %1.").arg(names.join(QStringLiteral(", "))));
                }
                done();
            },
            [this, ids, done](const ArmError &e) {
                for (const QString &id : ids)
                    addFailedCall(id, e);
                done();
            });
    };
    const bool dpsRegion = in.createDps || in.createResourceGroup;
    // One look-up answers both when the hub goes to the same subscription and region (the usual case).
    const bool sameRegion = in.createHub && dpsRegion
                            && in.effectiveHubSubscription().compare(in.subscriptionId, Qt::CaseInsensitive) == 0
                            && in.effectiveHubLocation().compare(in.location, Qt::CaseInsensitive) == 0;
    if (sameRegion) {
        checkRegion(in.subscriptionId, in.tenantId, in.location, {QStringLiteral("location"), QStringLiteral("hub-location")});
    } else {
        if (dpsRegion)
            checkRegion(in.subscriptionId, in.tenantId, in.location, {QStringLiteral("location")});
        if (in.createHub)
            checkRegion(in.effectiveHubSubscription(), in.effectiveHubTenant(), in.effectiveHubLocation(), {QStringLiteral("hub-location")});
    }
}

void SetupEngine::finishChecks()
{
    const QList<CheckResult> checks = d->checks;
    const CheckResult *firstFailure = nullptr;
    for (const auto &c : checks) {
        if (!c.passed && !firstFailure)
            firstFailure = &c;
    }
    if (d->cancelled) {
        if (!m_running)
            return; // cancel() has reported the end already
        m_running = false;
        Q_EMIT checksFinished(checks);
        Q_EMIT failed(ArmError::cancelled());
        return;
    }
    if (!firstFailure) {
        d->plan = buildPlan(m_input, d->observed, m_regionName);
    }
    if (d->checksOnly || firstFailure) {
        m_running = false;
        Q_EMIT checksFinished(checks);
        if (firstFailure && !d->checksOnly) {
            // A check that could not be made tells the cause (sign-in first, then Azure); else the
            // first finding the person must fix.
            const CheckResult *cause = nullptr;
            for (const auto &c : checks) {
                if (c.passed || !c.cause)
                    continue;
                if (!cause || (c.cause->kind == ArmError::Kind::Authentication && cause->cause->kind != ArmError::Kind::Authentication))
                    cause = &c;
            }
            if (cause)
                Q_EMIT failed(*cause->cause);
            else
                Q_EMIT failed(ArmError::validation(firstFailure->id, firstFailure->message
                                                                         + (firstFailure->fix.isEmpty() ? QString() : QLatin1Char(' ') + firstFailure->fix)));
        }
        return;
    }
    Q_EMIT checksFinished(checks);
    QStringList beyond;
    if (d->runApproved && !d->plan.within(*d->runApproved, &beyond)) {
        // Azure changed since the person saw the plan (someone else, another run): this plan would do
        // what they did not see. Nothing is written; they look at the new plan first.
        m_running = false;
        d->runApproved.reset();
        Q_EMIT failed(ArmError::validation(QStringLiteral("PlanChanged"),
                                           tr("What is in Azure changed since the plan was reviewed, and Apply would now make "
                                              "changes you have not seen: %1. Nothing was changed; look at the new plan first.")
                                               .arg(beyond.join(QStringLiteral("; ")))));
        return;
    }
    d->runApproved.reset();
    runSteps();
}

void SetupEngine::applyFix(const QString &checkId)
{
    if (m_running)
        return;
    if (checkId == QLatin1String("dps-failed") || checkId == QLatin1String("hub-failed")) {
        // Only resources this plan creates: delete the one whose creation failed, then check again (the
        // next Apply creates it anew).
        const bool dps = checkId == QLatin1String("dps-failed");
        if ((dps && !m_input.createDps) || (!dps && !m_input.createHub))
            return;
        m_running = true;
        ArmOperation *op = dps ? m_service->deleteDps(m_input.dpsRef()) : m_service->deleteHub(m_input.hubRef());
        track(op);
        connect(op, &ArmOperation::finished, this, [this] {
            m_running = false;
            runChecks();
        });
        connect(op, &ArmOperation::failed, this, [this](const ArmError &e) {
            m_running = false;
            Q_EMIT failed(e);
        });
        return;
    }
    const bool hub = checkId == QLatin1String("hub-provider-registered");
    if (checkId != QLatin1String("provider-registered") && !hub)
        return;
    m_running = true;
    ServiceCall *c = m_service->registerDevicesProvider(hub ? m_input.effectiveHubSubscription() : m_input.subscriptionId,
                                                       hub ? m_input.effectiveHubTenant() : m_input.tenantId);
    track(c);
    Services::onResult<Arm::ProviderState>(c, this,
        [this](const Arm::ProviderState &) {
            m_running = false;
            runChecks();
        },
        [this](const ArmError &e) {
            m_running = false;
            Q_EMIT failed(e);
        });
}

// ---- steps -----------------------------------------------------------------------------------
// The engine runs the plan's steps and nothing else: a step starts as soon as the steps it comes
// after have succeeded (or had nothing to do), so independent steps run side by side.

bool SetupEngine::stepDone(StepId id) const
{
    const StepState s = d->steps.value(id).state;
    return s == StepState::Succeeded || s == StepState::AlreadyDone;
}

void SetupEngine::runSteps()
{
    for (const PlanStep &s : std::as_const(d->plan.steps)) {
        if (s.action != StepAction::Nothing)
            continue;
        if (s.id == StepId::Dps)
            d->dps = d->observed.dps;
        else if (s.id == StepId::Hub)
            d->hub = d->observed.hub;
        setStep(s.id, StepState::AlreadyDone, QStringLiteral("Succeeded"));
    }
    advance();
}

void SetupEngine::advance()
{
    if (d->cancelled)
        return;
    for (const PlanStep &s : std::as_const(d->plan.steps)) {
        if (d->steps[s.id].state != StepState::Pending)
            continue;
        bool ready = true;
        for (StepId dep : s.after)
            ready = ready && stepDone(dep);
        if (ready)
            startStep(s);
    }
    maybeFinish();
}

void SetupEngine::startStep(const PlanStep &step)
{
    const StepId id = step.id;
    setStep(id, StepState::Running);
    switch (id) {
    case StepId::Provider:
    case StepId::HubProvider: {
        const bool hub = id == StepId::HubProvider;
        ServiceCall *c = m_service->registerDevicesProvider(hub ? m_input.effectiveHubSubscription() : m_input.subscriptionId,
                                                           hub ? m_input.effectiveHubTenant() : m_input.tenantId);
        track(c);
        Services::onResult<Arm::ProviderState>(c, this,
            [this, id](const Arm::ProviderState &state) {
                setStep(id, StepState::Succeeded, state.registrationState);
                advance();
            },
            [this, id](const ArmError &e) { failStep(id, e); });
        return;
    }
    case StepId::ResourceGroup:
    case StepId::HubResourceGroup: {
        const bool hub = id == StepId::HubResourceGroup;
        ServiceCall *put = m_service->createResourceGroup(hub ? m_input.effectiveHubSubscription() : m_input.subscriptionId,
                                                          hub ? m_input.effectiveHubResourceGroup() : m_input.resourceGroup,
                                                          hub ? m_input.effectiveHubLocation() : m_input.location,
                                                          hub ? m_input.effectiveHubTenant() : m_input.tenantId);
        track(put);
        Services::onResult<Arm::ResourceGroup>(put, this,
            [this, id](const Arm::ResourceGroup &group) {
                setStep(id, StepState::Succeeded, group.provisioningState);
                advance();
            },
            [this, id](const ArmError &e) { failStep(id, e); });
        return;
    }
    case StepId::Dps:
    case StepId::Hub: {
        const bool isDps = id == StepId::Dps;
        if (step.action == StepAction::Wait) {
            // Created by an earlier run that was interrupted: keep waiting for it, never create it again.
            const QString token = d->resumeTokens.value(stepKey(id)).toString();
            if (!token.isEmpty())
                follow(id, m_service->client()->resume(token));
            else
                pollResource(id);
            return;
        }
        follow(id, isDps ? m_service->createDps(m_input.dpsRef(), m_input.location, m_input.dpsUnits,
                                                m_input.allocationPolicy.isEmpty() ? QStringLiteral("Hashed") : m_input.allocationPolicy)
                         : m_service->createHub(m_input.hubRef(), m_input.effectiveHubLocation(), m_input.hubSku, m_input.hubUnits,
                                                m_input.hubPartitions));
        return;
    }
    case StepId::Link:
        runLinkStep(step);
        return;
    case StepId::Policy: {
        Services::KnownState k = known();
        k.dps.reset(); // the DPS as it is now: what changed since the checks is kept
        followDpsUpdate(StepId::Policy, m_service->setAllocationPolicy(m_input.dpsRef(), m_input.allocationPolicy, k));
        return;
    }
    }
}

void SetupEngine::follow(StepId id, ArmOperation *op)
{
    track(op);
    const QString resource = stepKey(id);
    connect(op, &ArmOperation::resumeTokenChanged, this, [this, resource](const QString &token) {
        d->resumeTokens.insert(resource, token);
        saveJournal();
    });
    connect(op, &ArmOperation::progress, this, [this, id](const QString &status) { setStep(id, StepState::Running, status); });
    connect(op, &ArmOperation::failed, this, [this, id](const ArmError &e) { failStep(id, e); });
    connect(op, &ArmOperation::finished, this, [this, id](const QJsonObject &body) {
        if (id == StepId::Hub) {
            const Arm::IotHub hub = Arm::IotHub::fromJson(body);
            if (!isFinalState(hub.provisioningState)) {
                pollResource(id); // an older operation finished, but another one is still running
                return;
            }
            d->hub = hub;
        } else {
            const Arm::ProvisioningService dps = Arm::ProvisioningService::fromJson(body);
            if (!isFinalState(dps.provisioningState)) {
                pollResource(id);
                return;
            }
            d->dps = dps;
        }
        d->resumeTokens.remove(stepKey(id));
        setStep(id, StepState::Succeeded, QStringLiteral("Succeeded"));
        advance();
    });
}

void SetupEngine::pollResource(StepId id)
{
    QTimer::singleShot(d->pollIntervalMs, this, [this, id, run = d->run]() {
        if (d->cancelled || run != d->run)
            return;
        const bool isDps = id != StepId::Hub;
        ServiceCall *get = isDps ? m_service->getDps(m_input.dpsRef()) : m_service->getHub(m_input.hubRef());
        track(get);
        connect(get, &ServiceCall::finished, this, [this, id, isDps](const QVariant &v) {
            const QString state = isDps ? v.value<Arm::ProvisioningService>().provisioningState : v.value<Arm::IotHub>().provisioningState;
            if (!isFinalState(state)) {
                setStep(id, StepState::Running, state);
                pollResource(id);
            } else if (state == QLatin1String("Succeeded")) {
                if (isDps)
                    d->dps = v.value<Arm::ProvisioningService>();
                else
                    d->hub = v.value<Arm::IotHub>();
                setStep(id, StepState::Succeeded, state);
                advance();
            } else {
                // Azure's own failure, not the person's input: reported as Azure's (exit 1, not 2).
                ArmError failed;
                failed.kind = ArmError::Kind::Http;
                failed.code = QStringLiteral("ResourceFailed");
                failed.message = tr("Azure reports the operation on '%1' as %2.").arg(isDps ? m_input.dpsName : m_input.hubName, state);
                failStep(id, failed);
            }
        });
        connect(get, &ServiceCall::failed, this, [this, id](const ArmError &e) { failStep(id, e); });
    });
}

// The DPS update the plan made for the link: a dedicated access policy on the hub first when the
// plan adds one, then one PUT of the DPS with the link (added or changed) and the allocation policy.
void SetupEngine::runLinkStep(const PlanStep &step)
{
    if (d->plan.action(StepId::Dps) == StepAction::Nothing)
        d->dps.reset(); // read when the checks ran, maybe minutes ago: configureDps reads it again
    // What the step does is in its changes: an access policy added to the hub, a stale link's key replaced.
    bool addPolicy = false;
    Services::LinkOptions link = m_input.link;
    for (const auto &c : step.changes) {
        addPolicy = addPolicy || c.field.startsWith(QLatin1String("authorizationPolicies["));
        link.replaceKey = link.replaceKey || c.field.endsWith(QLatin1String(".connectionString"));
    }
    if (!addPolicy) {
        followDpsUpdate(StepId::Link, m_service->configureDps(m_input.dpsRef(), m_input.hubRef(), link, m_input.allocationPolicy, known()));
        return;
    }
    ArmOperation *policy = m_service->ensureHubPolicy(m_input.hubRef(), m_input.link.accessPolicy, known());
    track(policy);
    connect(policy, &ArmOperation::progress, this, [this](const QString &status) { setStep(StepId::Link, StepState::Running, status); });
    connect(policy, &ArmOperation::failed, this, [this](const ArmError &e) { failStep(StepId::Link, e); });
    connect(policy, &ArmOperation::finished, this, [this, link](const QJsonObject &body) {
        const Arm::IotHub hub = Arm::IotHub::fromJson(body);
        if (!hub.name.isEmpty() && hub.isActive())
            d->hub = hub;
        Services::KnownState k = known();
        if (!hub.isActive())
            k.hub.reset(); // still updating: configureDps reads it again
        followDpsUpdate(StepId::Link, m_service->configureDps(m_input.dpsRef(), m_input.hubRef(), link, m_input.allocationPolicy, k));
    });
}

// The DPS and hub as the previous steps left them (their final GETs): the link and policy steps edit
// those instead of reading them once more.
Services::KnownState SetupEngine::known() const
{
    Services::KnownState k;
    k.dps = d->dps;
    k.hub = d->hub;
    return k;
}

void SetupEngine::followDpsUpdate(StepId id, ArmOperation *op)
{
    track(op);
    connect(op, &ArmOperation::resumeTokenChanged, this, [this](const QString &token) {
        d->resumeTokens.insert(QStringLiteral("dps"), token);
        saveJournal();
    });
    connect(op, &ArmOperation::progress, this, [this, id](const QString &status) { setStep(id, StepState::Running, status); });
    connect(op, &ArmOperation::failed, this, [this, id](const ArmError &e) { failStep(id, e); });
    connect(op, &ArmOperation::finished, this, [this, id](const QJsonObject &body) {
        const Arm::ProvisioningService dps = Arm::ProvisioningService::fromJson(body);
        if (!isFinalState(dps.provisioningState)) {
            pollResource(id);
            return;
        }
        d->dps = dps;
        d->resumeTokens.remove(QStringLiteral("dps"));
        setStep(id, StepState::Succeeded, QStringLiteral("Succeeded"));
        advance();
    });
}

} // namespace Dps::Setup
