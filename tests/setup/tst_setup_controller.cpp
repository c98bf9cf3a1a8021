// The setup controller (what the wizard's pages talk to) driven in-process against a real arm-sandbox:
// lookups in the demo world (subscriptions, regions, hubs, hub policies without keys), the debounced name
// checks, local name validation without a request, and a whole run in the empty world. Waits on signals.
#include "SetupTestSupport.h"
#include "setup/SetupController.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <gtest/gtest.h>

#include <memory>

using namespace Dps;
using namespace Dps::Setup;
using namespace Dps::Test;

namespace {

constexpr int kTimeoutMs = 20000;

std::string str(const QString &s)
{
    return s.toStdString();
}

// Everything a controller reported.
struct Recorder
{
    struct NameResult
    {
        SetupController::NameKind kind;
        QString name;
        bool available;
        QString message;
    };
    QList<QList<Arm::Subscription>> subscriptions;
    QList<QList<Arm::Location>> locations;
    QList<QList<Arm::IotHub>> hubs;
    QList<QList<Arm::AccessPolicy>> policies;
    QList<NameResult> names;
    QList<QPair<QString, Arm::ArmError>> loadErrors;
    QList<StepStatus> steps;
    QList<QList<CheckResult>> checks;
    QList<SetupResult> results;
    QList<Arm::ArmError> errors;
    QObject context;

    explicit Recorder(SetupController *c)
    {
        QObject::connect(c, &SetupController::subscriptionsChanged, &context, [this](const auto &l) { subscriptions.append(l); });
        QObject::connect(c, &SetupController::locationsChanged, &context, [this](const QString &, const auto &l) { locations.append(l); });
        QObject::connect(c, &SetupController::hubsChanged, &context, [this](const QString &, const auto &l) { hubs.append(l); });
        QObject::connect(c, &SetupController::hubPoliciesChanged, &context,
                         [this](const QString &, const QString &, const auto &l) { policies.append(l); });
        QObject::connect(c, &SetupController::nameChecked, &context,
                         [this](SetupController::NameKind k, const QString &n, bool a, const QString &m) { names.append({k, n, a, m}); });
        QObject::connect(c, &SetupController::loadFailed, &context,
                         [this](const QString &what, const Arm::ArmError &e) { loadErrors.append({what, e}); });
        QObject::connect(c, &SetupController::stepChanged, &context, [this](const StepStatus &s) { steps.append(s); });
        QObject::connect(c, &SetupController::checksFinished, &context, [this](const QList<CheckResult> &l) { checks.append(l); });
        QObject::connect(c, &SetupController::finished, &context, [this](const SetupResult &r) { results.append(r); });
        QObject::connect(c, &SetupController::failed, &context, [this](const Arm::ArmError &e) { errors.append(e); });
    }
    QString loadErrorText() const
    {
        QStringList out;
        for (const auto &e : loadErrors)
            out << e.first + QStringLiteral(": ") + e.second.technicalDetails();
        return out.join(QLatin1Char('\n'));
    }
};

class SetupControllerTest : public ::testing::Test
{
protected:
    void startSandbox(const QString &world)
    {
        quietCoreLogs();
        SandboxProcess::Options o;
        o.world = world;
        o.lroSeconds = QStringLiteral("0.2,0.3,0.1");
        m_sandbox = std::make_unique<SandboxProcess>(std::move(o));
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
        m_session = EngineSession::open(m_sandbox->info());
        ASSERT_TRUE(m_dataDir.isValid());
        m_controller = std::make_unique<SetupController>(m_session->service.get(), nullptr, m_dataDir.filePath(QStringLiteral("runs")));
        m_controller->setPollIntervalMs(100);
        m_rec = std::make_unique<Recorder>(m_controller.get());
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<EngineSession> m_session;
    QTemporaryDir m_dataDir;
    std::unique_ptr<SetupController> m_controller;
    std::unique_ptr<Recorder> m_rec;
};

} // namespace

TEST_F(SetupControllerTest, LoadsTheServicePrincipalsSubscriptions)
{
    startSandbox(QStringLiteral("demo"));
    m_controller->loadSubscriptions();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_rec->subscriptions.isEmpty(); }, kTimeoutMs)) << str(m_rec->loadErrorText());
    const auto subs = m_rec->subscriptions.first();
    ASSERT_FALSE(subs.isEmpty());
    bool production = false;
    for (const auto &s : subs) {
        EXPECT_EQ(s.tenantId, Demo::kContosoTenant) << str(s.displayName);
        production = production || s.subscriptionId == Demo::kProduction;
    }
    EXPECT_TRUE(production);
    EXPECT_EQ(m_controller->subscriptions().size(), subs.size());
    EXPECT_TRUE(m_rec->loadErrors.isEmpty()) << str(m_rec->loadErrorText());
}

TEST_F(SetupControllerTest, LoadsLocationsHubsAndPoliciesWithoutKeys)
{
    startSandbox(QStringLiteral("demo"));
    m_controller->loadLocations(Demo::kProduction, Demo::kContosoTenant);
    m_controller->loadHubs(Demo::kProduction, Demo::kContosoTenant);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_rec->locations.isEmpty() && !m_rec->hubs.isEmpty(); }, kTimeoutMs))
        << str(m_rec->loadErrorText());
    EXPECT_FALSE(m_rec->locations.first().isEmpty());
    QStringList hubNames;
    for (const auto &h : m_rec->hubs.first())
        hubNames << h.name;
    EXPECT_TRUE(hubNames.contains(QStringLiteral("contoso-hub-weu"))) << str(hubNames.join(QLatin1Char(',')));
    EXPECT_TRUE(hubNames.contains(QStringLiteral("contoso-hub-eus"))) << str(hubNames.join(QLatin1Char(',')));
    EXPECT_FALSE(hubNames.contains(QStringLiteral("fabrikam-hub-neu")));

    m_controller->loadHubPolicies({Demo::kProduction, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu"), Demo::kContosoTenant});
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_rec->policies.isEmpty(); }, kTimeoutMs)) << str(m_rec->loadErrorText());
    const auto policies = m_rec->policies.first();
    ASSERT_FALSE(policies.isEmpty());
    bool owner = false;
    for (const auto &p : policies) {
        EXPECT_TRUE(p.canLinkToDps()) << str(p.keyName);
        EXPECT_TRUE(p.primaryKey.isEmpty()) << str(p.keyName);
        EXPECT_TRUE(p.secondaryKey.isEmpty()) << str(p.keyName);
        owner = owner || p.keyName == QLatin1String("iothubowner");
    }
    EXPECT_TRUE(owner);
}

TEST_F(SetupControllerTest, LookupFailureIsReported)
{
    startSandbox(QStringLiteral("demo"));
    m_controller->loadHubs(QStringLiteral("00000000-0000-4000-8000-00000000dead"), Demo::kContosoTenant);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_rec->loadErrors.isEmpty() || !m_rec->hubs.isEmpty(); }, kTimeoutMs));
    ASSERT_EQ(m_rec->loadErrors.size(), 1);
    EXPECT_EQ(m_rec->loadErrors.first().first, QStringLiteral("hubs"));
}

TEST_F(SetupControllerTest, NameChecksAreDebouncedAndAnswerOnlyTheLastName)
{
    startSandbox(QStringLiteral("demo"));
    m_controller->plan().subscriptionId = Demo::kProduction;
    m_controller->plan().tenantId = Demo::kContosoTenant;
    clearRequestLog(*m_sandbox);
    m_controller->checkDpsName(QStringLiteral("contoso-d"));
    QTest::qWait(50);
    m_controller->checkDpsName(QStringLiteral("contoso-dp"));
    QTest::qWait(50);
    m_controller->checkDpsName(QStringLiteral("contoso-dps"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_rec->names.isEmpty(); }, kTimeoutMs)) << str(m_rec->loadErrorText());
    QTest::qWait(600); // nothing else arrives for the earlier names
    ASSERT_EQ(m_rec->names.size(), 1);
    EXPECT_EQ(m_rec->names[0].kind, SetupController::NameKind::Dps);
    EXPECT_EQ(m_rec->names[0].name, QStringLiteral("contoso-dps"));
    EXPECT_FALSE(m_rec->names[0].available);
    EXPECT_FALSE(m_rec->names[0].message.isEmpty());
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.path.contains(QLatin1String("NameAvailability"), Qt::CaseInsensitive); }), 1)
        << str(log.dump());

    m_controller->checkHubName(QStringLiteral("a-new-hub-name"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_rec->names.size() >= 2; }, kTimeoutMs)) << str(m_rec->loadErrorText());
    EXPECT_EQ(m_rec->names[1].kind, SetupController::NameKind::Hub);
    EXPECT_TRUE(m_rec->names[1].available) << str(m_rec->names[1].message);
}

// Hub names are global: a hub going into a subscription that is not registered for Microsoft.Devices
// yet (Dev/Test) has its name checked in the DPS's subscription, which is.
TEST_F(SetupControllerTest, AHubNameIsCheckedInTheDpsSubscription)
{
    startSandbox(QStringLiteral("demo"));
    PlanInput &in = m_controller->plan();
    in.subscriptionId = Demo::kProduction;
    in.tenantId = Demo::kContosoTenant;
    in.resourceGroup = QStringLiteral("iot-prod-rg");
    in.hubSubscriptionId = Demo::kDevTest;
    in.hubTenantId = Demo::kContosoTenant;
    in.hubResourceGroup = QStringLiteral("dev-rg");
    clearRequestLog(*m_sandbox);
    m_controller->checkHubName(QStringLiteral("a-hub-elsewhere"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_rec->names.isEmpty(); }, kTimeoutMs)) << str(m_rec->loadErrorText());
    EXPECT_TRUE(m_rec->names[0].available) << str(m_rec->names[0].message);
    const RequestLog log = fetchRequestLog(*m_sandbox);
    auto checksIn = [&](const QString &subscription) {
        return log.count([&](const LoggedRequest &e) {
            return e.path.contains(subscription) && e.path.endsWith(QLatin1String("/checkNameAvailability"), Qt::CaseInsensitive);
        });
    };
    EXPECT_EQ(checksIn(Demo::kProduction), 1) << str(log.dump());
    EXPECT_EQ(checksIn(Demo::kDevTest), 0) << str(log.dump());
    EXPECT_TRUE(m_rec->loadErrors.isEmpty()) << str(m_rec->loadErrorText());
}

TEST_F(SetupControllerTest, InvalidNameIsAnsweredAtOnceWithoutARequest)
{
    startSandbox(QStringLiteral("demo"));
    m_controller->plan().subscriptionId = Demo::kProduction;
    m_controller->plan().tenantId = Demo::kContosoTenant;
    clearRequestLog(*m_sandbox);
    m_controller->checkDpsName(QStringLiteral("-bad_name"));
    ASSERT_EQ(m_rec->names.size(), 1); // synchronously
    EXPECT_FALSE(m_rec->names[0].available);
    EXPECT_FALSE(m_rec->names[0].message.isEmpty());
    EXPECT_FALSE(SetupController::nameProblem(QStringLiteral("12345")).isEmpty());
    EXPECT_TRUE(SetupController::nameProblem(QStringLiteral("my-dps-1")).isEmpty());
    QTest::qWait(600);
    EXPECT_EQ(m_rec->names.size(), 1);
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return !e.isToken() && !e.path.startsWith(QLatin1String("/_sandbox")); }), 0)
        << str(log.dump());
}

TEST_F(SetupControllerTest, AppliesANewDpsAndHub)
{
    startSandbox(QStringLiteral("empty"));
    PlanInput &in = m_controller->plan();
    in.subscriptionId = m_sandbox->subscriptionId(0);
    in.tenantId = m_session->tenantId;
    in.resourceGroup = QStringLiteral("rg-ctl");
    in.location = QStringLiteral("westeurope");
    in.dpsName = QStringLiteral("dps-ctl");
    in.hubName = QStringLiteral("hub-ctl");

    // The checks read Azure and make the plan the person reviews; it lasts while the choices don't change.
    EXPECT_FALSE(m_controller->currentPlan().has_value());
    m_controller->runChecks();
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_rec->checks.isEmpty() || !m_rec->errors.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(m_controller->currentPlan().has_value());
    EXPECT_EQ(m_controller->currentPlan()->action(StepId::Dps), StepAction::Create);
    EXPECT_FALSE(m_controller->currentPlan()->writes().isEmpty());
    in.dpsUnits = 2;
    EXPECT_FALSE(m_controller->currentPlan().has_value()); // made for other choices
    in.dpsUnits = 1;
    ASSERT_TRUE(m_controller->currentPlan().has_value());
    EXPECT_FALSE(m_controller->result().has_value());

    m_controller->startApply();
    EXPECT_TRUE(m_controller->isApplying());
    ASSERT_TRUE(QTest::qWaitFor([&] { return !m_rec->results.isEmpty() || !m_rec->errors.isEmpty(); }, kTimeoutMs));
    ASSERT_TRUE(m_rec->errors.isEmpty()) << str(m_rec->errors.first().technicalDetails());
    ASSERT_EQ(m_rec->results.size(), 1);
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^0ne[0-9A-F]{8}$")).match(m_rec->results[0].idScope).hasMatch())
        << str(m_rec->results[0].idScope);
    ASSERT_TRUE(m_controller->result().has_value());
    EXPECT_EQ(m_controller->result()->idScope, m_rec->results[0].idScope);
    EXPECT_FALSE(m_rec->steps.isEmpty());
    EXPECT_FALSE(m_controller->isApplying());
}

// Portal links: public clouds get the resource's page in their portal (with the tenant), the sandbox none.
TEST(SetupControllerPortal, LinksToTheCloudsPortalButNotForTheSandbox)
{
    QNetworkAccessManager nam;
    auto pipeline = Http::makeAnonymousPipeline(&nam, Http::PipelineOptions());
    for (const auto &[cloud, portal] : {std::pair{Arm::Cloud::azurePublic(), QStringLiteral("https://portal.azure.com/")},
                                        std::pair{Arm::Cloud::azureChina(), QStringLiteral("https://portal.azure.cn/")},
                                        std::pair{Arm::Cloud::azureUsGovernment(), QStringLiteral("https://portal.azure.us/")}}) {
        Arm::ArmClient client(pipeline, cloud, Http::SystemClock::instance());
        Services::AzureService service(&client);
        SetupController controller(&service, nullptr, QString());
        controller.plan().tenantId = QStringLiteral("72f988bf-0000-4000-8000-00000000c011");
        const QString id = QStringLiteral("/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Devices/provisioningServices/my-dps");
        EXPECT_EQ(controller.portalUrl(id).toString(),
                  portal + QStringLiteral("#@72f988bf-0000-4000-8000-00000000c011/resource") + id);
        EXPECT_TRUE(controller.portalUrl(QString()).isEmpty());
    }

    SandboxProcess sandbox;
    QString error;
    ASSERT_TRUE(sandbox.start(&error)) << str(error);
    SetupController controller(nullptr, nullptr, QString());
    QSignalSpy signedIn(&controller, &SetupController::signedIn);
    controller.useSandbox(sandbox.info());
    ASSERT_EQ(signedIn.size(), 1);
    EXPECT_TRUE(controller.isSandbox());
    EXPECT_TRUE(controller.portalUrl(QStringLiteral("/subscriptions/s1/resourceGroups/rg")).isEmpty());
    // A sandbox description without its service principal is refused with a message.
    QJsonObject info = sandbox.info();
    info.remove(QStringLiteral("servicePrincipal"));
    SetupController other(nullptr, nullptr, QString());
    QSignalSpy otherFailed(&other, &SetupController::signInFailed);
    other.useSandbox(info);
    EXPECT_EQ(otherFailed.size(), 1);
    EXPECT_FALSE(other.isSignedIn());
}

// Remembered choices: the plan goes to the settings file and comes back; no secret is ever part of it.
TEST(SetupControllerChoices, RememberedAndRestored)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("s.ini"));
    SetupController a(nullptr, nullptr, dir.filePath(QStringLiteral("runs")));
    a.setSettingsFile(file);
    EXPECT_FALSE(a.restoreChoices());
    a.plan().subscriptionId = QStringLiteral("sub");
    a.plan().dpsName = QStringLiteral("remembered-dps");
    a.plan().hubSku = QStringLiteral("B2");
    a.plan().link.createPolicy = true;
    a.plan().link.accessPolicy = QStringLiteral("dps-link");
    a.plan().allocationPolicy = QStringLiteral("Static");
    a.rememberChoices();
    SetupController b(nullptr, nullptr, dir.filePath(QStringLiteral("runs")));
    b.setSettingsFile(file);
    ASSERT_TRUE(b.restoreChoices());
    EXPECT_EQ(b.plan().dpsName, QStringLiteral("remembered-dps"));
    EXPECT_EQ(b.plan().hubSku, QStringLiteral("B2"));
    EXPECT_TRUE(b.plan().link.createPolicy);
    EXPECT_EQ(b.plan().link.accessPolicy, QStringLiteral("dps-link"));
    EXPECT_EQ(b.plan().allocationPolicy, QStringLiteral("Static"));
    EXPECT_FALSE(b.hasUnfinishedRun());
}
