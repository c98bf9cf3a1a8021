#include "SetupController.h"

#include "identity/AccountManager.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimer>

namespace Dps::Setup {

using Arm::ArmError;
using Services::onResult;
using Services::ServiceCall;

SetupController::SetupController(Services::AzureService *service, Identity::AccountManager *accounts, QString journalDirectory,
                                 QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_accounts(accounts)
    , m_journal(std::make_shared<RunJournal>(std::move(journalDirectory)))
{
    for (NameKind kind : {NameKind::Dps, NameKind::Hub}) {
        NameCheck &check = nameCheck(kind);
        check.timer = new QTimer(this);
        check.timer->setSingleShot(true);
        check.timer->setInterval(m_nameDelayMs);
        connect(check.timer, &QTimer::timeout, this, [this, kind] { sendNameCheck(kind); });
    }
}

SetupController::~SetupController()
{
    // Outstanding lookups are children of the service, not of us: their connections die with us (context),
    // but the name checks are worth cancelling outright.
    for (NameKind kind : {NameKind::Dps, NameKind::Hub}) {
        if (auto call = nameCheck(kind).call)
            call->cancel();
    }
}

QString SetupController::tenantOf(const QString &subscriptionId, const QString &tenantId) const
{
    if (!tenantId.isEmpty())
        return tenantId;
    for (const auto &s : m_subscriptions) {
        if (s.subscriptionId.compare(subscriptionId, Qt::CaseInsensitive) == 0)
            return s.tenantId;
    }
    if (subscriptionId.compare(m_plan.subscriptionId, Qt::CaseInsensitive) == 0)
        return m_plan.tenantId;
    if (subscriptionId.compare(m_plan.effectiveHubSubscription(), Qt::CaseInsensitive) == 0)
        return m_plan.effectiveHubTenant();
    return {};
}

// ---- lookups ---------------------------------------------------------------------------------

void SetupController::loadSubscriptions()
{
    // One listing at a time: a page asking while another page's listing is on its way gets that one's
    // answer (every tenant, a token each, their subscriptions: not worth doing twice).
    if (m_subscriptionsLoading)
        return;
    const quint64 generation = ++m_subscriptionsGeneration;
    m_pendingSubscriptions.clear();
    m_pendingTenants = 0;
    if (!m_service) {
        Q_EMIT loadFailed(QStringLiteral("subscriptions"), ArmError::validation(QStringLiteral("NotSignedIn"), tr("Sign in first.")));
        return;
    }
    m_subscriptionsLoading = true;
    if (m_accounts && m_account) {
        // A person's account: every tenant with its state (MFA / Conditional Access tenants need their
        // own sign-in and are shown, not dropped), subscriptions of the ready ones.
        Identity::AccountOperation *op = m_accounts->tenants(*m_account);
        connect(op, &Identity::AccountOperation::finished, this, [this, op, generation](const Identity::Account &) {
            if (generation != m_subscriptionsGeneration)
                return;
            m_tenants = op->tenants();
            for (const auto &tenant : std::as_const(m_tenants)) {
                for (Arm::Subscription s : tenant.subscriptions) {
                    if (s.tenantId.isEmpty())
                        s.tenantId = tenant.tenantId;
                    m_pendingSubscriptions.append(s);
                }
            }
            finishSubscriptions();
        });
        connect(op, &Identity::AccountOperation::failed, this, [this, generation](const Identity::AccountError &error) {
            if (generation != m_subscriptionsGeneration)
                return;
            m_subscriptionsLoading = false;
            Q_EMIT loadFailed(QStringLiteral("subscriptions"),
                              ArmError::validation(QStringLiteral("AccountFailed"), error.userMessage()));
        });
        return;
    }
    ServiceCall *tenants = m_service->listTenants();
    onResult<QList<Arm::Tenant>>(
        tenants, this,
        [this, generation](const QList<Arm::Tenant> &list) {
            if (generation != m_subscriptionsGeneration)
                return;
            QStringList ids;
            for (const auto &t : list) {
                if (!t.tenantId.isEmpty() && !ids.contains(t.tenantId))
                    ids << t.tenantId;
            }
            if (ids.isEmpty())
                ids << QString(); // the credential's own tenant
            m_pendingTenants = int(ids.size());
            for (const QString &tenantId : std::as_const(ids)) {
                ServiceCall *subs = m_service->listSubscriptions(tenantId);
                auto done = [this, generation] {
                    if (generation != m_subscriptionsGeneration)
                        return;
                    if (--m_pendingTenants == 0)
                        finishSubscriptions();
                };
                onResult<QList<Arm::Subscription>>(
                    subs, this,
                    [this, generation, tenantId, done](const QList<Arm::Subscription> &found) {
                        if (generation != m_subscriptionsGeneration)
                            return;
                        for (Arm::Subscription s : found) {
                            if (s.tenantId.isEmpty())
                                s.tenantId = tenantId;
                            m_pendingSubscriptions.append(s);
                        }
                        done();
                    },
                    [this, generation, done](const ArmError &error) {
                        if (generation != m_subscriptionsGeneration)
                            return;
                        Q_EMIT loadFailed(QStringLiteral("subscriptions"), error);
                        done();
                    });
            }
        },
        [this, generation](const ArmError &error) {
            if (generation != m_subscriptionsGeneration)
                return;
            m_subscriptionsLoading = false;
            Q_EMIT loadFailed(QStringLiteral("subscriptions"), error);
        });
}

void SetupController::finishSubscriptions()
{
    QList<Arm::Subscription> out;
    QSet<QString> seen;
    for (const auto &s : std::as_const(m_pendingSubscriptions)) {
        const QString key = s.subscriptionId.toLower();
        if (seen.contains(key))
            continue;
        seen.insert(key);
        out.append(s);
    }
    std::sort(out.begin(), out.end(), [](const Arm::Subscription &a, const Arm::Subscription &b) {
        return a.displayName.compare(b.displayName, Qt::CaseInsensitive) < 0;
    });
    m_pendingSubscriptions.clear();
    m_subscriptions = out;
    m_subscriptionsLoaded = true;
    m_subscriptionsLoading = false;
    Q_EMIT subscriptionsChanged(m_subscriptions);
}

void SetupController::loadResourceGroups(const QString &subscriptionId, const QString &tenantId)
{
    if (!requireService(QStringLiteral("resourceGroups")))
        return;
    ServiceCall *call = m_service->listResourceGroups(subscriptionId, tenantOf(subscriptionId, tenantId));
    onResult<QList<Arm::ResourceGroup>>(
        call, this, [this, subscriptionId](const QList<Arm::ResourceGroup> &groups) { Q_EMIT resourceGroupsChanged(subscriptionId, groups); },
        [this](const ArmError &e) { Q_EMIT loadFailed(QStringLiteral("resourceGroups"), e); });
}

void SetupController::loadLocations(const QString &subscriptionId, const QString &tenantId)
{
    if (!requireService(QStringLiteral("locations")))
        return;
    ServiceCall *call = m_service->listDeviceLocations(subscriptionId, tenantOf(subscriptionId, tenantId));
    onResult<QList<Arm::Location>>(
        call, this,
        [this, subscriptionId](const QList<Arm::Location> &locations) {
            for (const auto &l : locations) {
                if (!l.displayName.isEmpty())
                    m_locationNames.insert(l.name.toLower(), l.displayName);
            }
            Q_EMIT locationsChanged(subscriptionId, locations);
        },
        [this](const ArmError &e) { Q_EMIT loadFailed(QStringLiteral("locations"), e); });
}

QString SetupController::locationDisplayName(const QString &name) const
{
    return m_locationNames.value(name.toLower(), name);
}

void SetupController::loadHubs(const QString &subscriptionId, const QString &tenantId)
{
    if (!requireService(QStringLiteral("hubs")))
        return;
    ServiceCall *call = m_service->listHubs(subscriptionId, {}, tenantOf(subscriptionId, tenantId));
    onResult<QList<Arm::IotHub>>(
        call, this, [this, subscriptionId](const QList<Arm::IotHub> &hubs) { Q_EMIT hubsChanged(subscriptionId, hubs); },
        [this](const ArmError &e) { Q_EMIT loadFailed(QStringLiteral("hubs"), e); });
}

void SetupController::loadDps(const QString &subscriptionId, const QString &tenantId)
{
    if (!requireService(QStringLiteral("dps")))
        return;
    ServiceCall *call = m_service->listDps(subscriptionId, {}, tenantOf(subscriptionId, tenantId));
    onResult<QList<Arm::ProvisioningService>>(
        call, this,
        [this, subscriptionId](const QList<Arm::ProvisioningService> &services) { Q_EMIT dpsChanged(subscriptionId, services); },
        [this](const ArmError &e) { Q_EMIT loadFailed(QStringLiteral("dps"), e); });
}

void SetupController::loadHubPolicies(const Services::ResourceRef &hub)
{
    if (!requireService(QStringLiteral("hubPolicies")))
        return;
    Services::ResourceRef ref = hub;
    ref.tenantId = tenantOf(hub.subscriptionId, hub.tenantId);
    ServiceCall *call = m_service->listHubPolicies(ref);
    onResult<QList<Arm::AccessPolicy>>(
        call, this,
        [this, ref](const QList<Arm::AccessPolicy> &policies) {
            QList<Arm::AccessPolicy> usable;
            for (Arm::AccessPolicy p : policies) {
                // Never keep a key: the link step reads the one it needs at the time it needs it.
                p.primaryKey.clear();
                p.secondaryKey.clear();
                if (p.canLinkToDps())
                    usable.append(p);
            }
            Q_EMIT hubPoliciesChanged(ref.subscriptionId, ref.name, usable);
        },
        [this](const ArmError &e) { Q_EMIT loadFailed(QStringLiteral("hubPolicies"), e); });
}

void SetupController::providerState(const QString &subscriptionId, const QString &tenantId)
{
    if (!requireService(QStringLiteral("provider")))
        return;
    ServiceCall *call = m_service->providerState(subscriptionId, tenantOf(subscriptionId, tenantId));
    onResult<Arm::ProviderState>(
        call, this, [this, subscriptionId](const Arm::ProviderState &state) { Q_EMIT providerStateChanged(subscriptionId, state); },
        [this](const ArmError &e) { Q_EMIT loadFailed(QStringLiteral("provider"), e); });
}

void SetupController::registerProvider(const QString &subscriptionId, const QString &tenantId)
{
    if (!requireService(QStringLiteral("registerProvider")))
        return;
    ServiceCall *call = m_service->registerDevicesProvider(subscriptionId, tenantOf(subscriptionId, tenantId));
    onResult<Arm::ProviderState>(
        call, this, [this, subscriptionId](const Arm::ProviderState &state) { Q_EMIT providerStateChanged(subscriptionId, state); },
        [this](const ArmError &e) { Q_EMIT loadFailed(QStringLiteral("registerProvider"), e); });
}

// Every lookup needs a signed-in service. Without one (a page asking before the sign-in, a sign-out
// on the way) it answers loadFailed(what, NotSignedIn) on the next turn of the event loop, like a
// reply would, instead of calling through a null service.
bool SetupController::requireService(const QString &what)
{
    if (m_service)
        return true;
    QTimer::singleShot(0, this, [this, what] {
        Q_EMIT loadFailed(what, ArmError::validation(QStringLiteral("NotSignedIn"), tr("Sign in first.")));
    });
    return false;
}

// ---- name checks -----------------------------------------------------------------------------

QString SetupController::nameProblem(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter a name.");
    static const QRegularExpression re(QStringLiteral("^(?![0-9]+$)(?!-)[a-zA-Z0-9-]{2,49}[a-zA-Z0-9]$"));
    if (re.match(name).hasMatch())
        return {};
    if (name.size() > 50)
        return tr("The name has %n characters; a name can have at most 50.", nullptr, int(name.size()));
    if (name.size() < 3)
        return tr("The name must be 3 to 50 characters long.");
    return tr("Use only letters, digits and hyphens; start and end with a letter or digit, and don't use only digits.");
}

QString SetupController::resourceGroupProblem(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter a name for the resource group.");
    if (name.size() > 90)
        return tr("A resource group name can have at most 90 characters.");
    static const QRegularExpression re(QStringLiteral("^[-\\w\\._\\(\\)]{1,90}$"), QRegularExpression::UseUnicodePropertiesOption);
    if (!re.match(name).hasMatch())
        return tr("Use only letters, digits, underscores, hyphens, periods and parentheses.");
    if (name.endsWith(QLatin1Char('.')))
        return tr("A resource group name cannot end with a period.");
    return {};
}

void SetupController::setNameCheckDelayMs(int ms)
{
    m_nameDelayMs = ms;
    m_dpsName.timer->setInterval(ms);
    m_hubName.timer->setInterval(ms);
}

void SetupController::checkDpsName(const QString &name)
{
    checkName(NameKind::Dps, name);
}

void SetupController::checkHubName(const QString &name)
{
    checkName(NameKind::Hub, name);
}

void SetupController::checkName(NameKind kind, const QString &name)
{
    NameCheck &check = nameCheck(kind);
    ++check.generation; // whatever is still on its way is about an older name
    check.name = name;
    check.timer->stop();
    if (check.call) {
        ServiceCall *old = check.call;
        check.call = nullptr;
        old->cancel();
    }
    const QString problem = nameProblem(name);
    if (!problem.isEmpty()) {
        Q_EMIT nameChecked(kind, name, false, problem);
        return;
    }
    check.timer->start();
}

void SetupController::sendNameCheck(NameKind kind)
{
    NameCheck &check = nameCheck(kind);
    const quint64 generation = check.generation;
    const QString name = check.name;
    // DPS and hub names are global, so both are checked in the DPS's subscription: the subscription page
    // made sure Microsoft.Devices is registered there, which the hub's subscription may not be yet.
    // Whether a taken name is the plan's own resource is looked up where the plan puts it (confirmOwnResource).
    const QString sub = m_plan.subscriptionId;
    const QString tenant = tenantOf(sub, m_plan.tenantId);
    if (sub.isEmpty()) {
        Q_EMIT nameChecked(kind, name, false, tr("Choose a subscription first; the name is checked in it."));
        return;
    }
    if (!m_service) {
        Q_EMIT nameChecked(kind, name, false, tr("Sign in first; the name is checked in your subscription."));
        return;
    }
    ServiceCall *call = kind == NameKind::Dps ? m_service->checkDpsName(sub, name, tenant) : m_service->checkHubName(sub, name, tenant);
    check.call = call;
    onResult<Arm::NameAvailability>(
        call, this,
        [this, kind, generation, name](const Arm::NameAvailability &a) {
            NameCheck &c = nameCheck(kind);
            if (generation != c.generation)
                return;
            c.call = nullptr;
            if (!a.available && a.reason.compare(QLatin1String("AlreadyExists"), Qt::CaseInsensitive) == 0) {
                // Taken, but maybe by us: the plan's own resource (an earlier, unfinished run) is used as it is.
                confirmOwnResource(kind, name, generation);
                return;
            }
            QString message;
            if (!a.available) {
                message = kind == NameKind::Dps ? tr("The name '%1' is taken by another DPS; choose another name.").arg(name)
                                                : tr("The name '%1' is taken by another IoT hub; choose another name.").arg(name);
                if (a.reason.compare(QLatin1String("AlreadyExists"), Qt::CaseInsensitive) != 0 && !a.message.isEmpty())
                    message = a.message;
            }
            Q_EMIT nameChecked(kind, name, a.available, message);
        },
        [this, kind, generation, name](const ArmError &e) {
            NameCheck &c = nameCheck(kind);
            if (generation != c.generation || e.isCancelled())
                return;
            c.call = nullptr;
            Q_EMIT loadFailed(kind == NameKind::Dps ? QStringLiteral("dpsName") : QStringLiteral("hubName"), e);
            Q_EMIT nameChecked(kind, name, false, e.userMessage());
        });
}

void SetupController::confirmOwnResource(NameKind kind, const QString &name, quint64 generation)
{
    const Services::ResourceRef ref = [&] {
        Services::ResourceRef r = kind == NameKind::Dps ? m_plan.dpsRef() : m_plan.hubRef();
        r.name = name;
        r.tenantId = tenantOf(r.subscriptionId, r.tenantId);
        return r;
    }();
    const QString taken = kind == NameKind::Dps ? tr("The name '%1' is taken by another DPS; choose another name.").arg(name)
                                                : tr("The name '%1' is taken by another IoT hub; choose another name.").arg(name);
    if (ref.resourceGroup.isEmpty() || ref.subscriptionId.isEmpty() || !m_service) {
        Q_EMIT nameChecked(kind, name, false, taken);
        return;
    }
    ServiceCall *call = kind == NameKind::Dps ? m_service->getDps(ref) : m_service->getHub(ref);
    nameCheck(kind).call = call;
    auto stillCurrent = [this, kind, generation] { return generation == nameCheck(kind).generation; };
    connect(call, &ServiceCall::finished, this, [this, kind, name, ref, stillCurrent](const QVariant &) {
        if (!stillCurrent())
            return;
        nameCheck(kind).call = nullptr;
        Q_EMIT nameChecked(kind, name, true,
                           kind == NameKind::Dps
                               ? tr("The DPS '%1' already exists in resource group '%2'; it will be used as it is.").arg(name, ref.resourceGroup)
                               : tr("The IoT hub '%1' already exists in resource group '%2'; it will be used as it is.").arg(name, ref.resourceGroup));
    });
    connect(call, &ServiceCall::failed, this, [this, kind, name, taken, stillCurrent](const ArmError &e) {
        if (!stillCurrent() || e.isCancelled())
            return;
        nameCheck(kind).call = nullptr;
        Q_EMIT nameChecked(kind, name, false, taken);
    });
}

// ---- review and apply ------------------------------------------------------------------------

SetupEngine *SetupController::engine()
{
    if (!m_engine) {
        m_engine = new SetupEngine(m_service, m_journal, this);
        if (m_pollIntervalMs > 0)
            m_engine->setPollIntervalMs(m_pollIntervalMs);
        m_engine->setRegionNames([this](const QString &name) { return locationDisplayName(name); });
        connect(m_engine, &SetupEngine::checksFinished, this, [this](const QList<CheckResult> &checks) {
            // The plan the person sees on Review (and approves with Apply) is the one these checks made.
            if (m_engine->hasPlan())
                m_reviewedPlan = m_engine->plan();
            else
                m_reviewedPlan.reset();
            if (m_checkingForReview && m_reviewedPlan)
                m_approvedPlan = m_reviewedPlan; // what Review shows is what Apply may do
            Q_EMIT checksFinished(checks);
        });
        connect(m_engine, &SetupEngine::stepChanged, this, &SetupController::stepChanged);
        connect(m_engine, &SetupEngine::finished, this, [this](const SetupResult &r) {
            m_result = r;
            m_approvedPlan.reset(); // done: the next Apply needs a new Review
            Q_EMIT finished(r);
        });
        connect(m_engine, &SetupEngine::failed, this, &SetupController::failed);
    }
    return m_engine;
}

void SetupController::approveCurrentPlan()
{
    if (const std::optional<Plan> plan = currentPlan())
        m_approvedPlan = plan;
}

std::optional<Plan> SetupController::currentPlan() const
{
    // Only a plan of the choices as they are now: going back and changing something makes it stale.
    if (m_reviewedPlan && m_reviewedPlan->input.toJson() == m_plan.toJson())
        return m_reviewedPlan;
    return std::nullopt;
}

void SetupController::runChecks()
{
    if (isApplying())
        return;
    if (!m_service) {
        QTimer::singleShot(0, this, [this] { Q_EMIT failed(ArmError::validation(QStringLiteral("NotSignedIn"), tr("Sign in first."))); });
        return;
    }
    SetupEngine *e = engine();
    e->setInput(m_plan);
    m_checkingForReview = true;
    e->runChecks();
}

void SetupController::applyFix(const QString &checkId)
{
    if (isApplying())
        return;
    if (!m_service) {
        QTimer::singleShot(0, this, [this] { Q_EMIT failed(ArmError::validation(QStringLiteral("NotSignedIn"), tr("Sign in first."))); });
        return;
    }
    SetupEngine *e = engine();
    e->setInput(m_plan);
    e->applyFix(checkId);
}

void SetupController::startApply()
{
    if (isApplying())
        return;
    if (!m_service) {
        QTimer::singleShot(0, this, [this] { Q_EMIT failed(ArmError::validation(QStringLiteral("NotSignedIn"), tr("Sign in first."))); });
        return;
    }
    m_result.reset();
    // A fresh engine per run: a Retry after a failure or cancel resumes from the journal, not from
    // whatever the previous engine still had in flight.
    if (m_engine) {
        m_engine->disconnect(this);
        m_engine->deleteLater();
        m_engine = nullptr;
    }
    // Apply, and every Retry of it, does only what the person saw on Review (or on the Apply page after
    // Azure changed): a Retry after part of the run has less to do, never something else.
    m_checkingForReview = false;
    SetupEngine *e = engine();
    e->setInput(m_plan);
    if (m_approvedPlan && m_approvedPlan->input.toJson() == m_plan.toJson())
        e->setExpectedPlan(*m_approvedPlan);
    e->start(); // resumes from the journal when the same plan ran before (Retry)
}

void SetupController::cancelApply()
{
    if (m_engine)
        m_engine->cancel();
}

bool SetupController::isApplying() const
{
    return m_engine && m_engine->isRunning();
}

QList<StepStatus> SetupController::steps() const
{
    return m_engine ? m_engine->steps() : QList<StepStatus>{};
}

void SetupController::setPollIntervalMs(int ms)
{
    m_pollIntervalMs = ms;
    if (m_engine)
        m_engine->setPollIntervalMs(ms);
}

} // namespace Dps::Setup
