// The setup wizard (issue 5) driven page by page, as a person would, against a real arm-sandbox process:
// new and existing resources, a hub of another subscription, the mistakes each page must catch (name
// taken, provider not registered, the free-hub limit), a failed LRO with Retry, the clipboard after each
// copy, and Stop during Apply followed by a resumed run. The created resources are checked through the
// ARM client afterwards. DPS_SCREENSHOT_DIR=<dir> saves every page as PNG (scripts/screenshots.sh).

#include "AccountsTestSupport.h"
#include "SetupTestSupport.h"
#include "WizardDriver.h"
#include "secrets/MemorySecretStore.h"
#include "ui/MainWindow.h"
#include "ui/Translator.h"
#include "ui/widgets/CopyField.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFile>
#include <QJsonDocument>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QToolButton>
#include <QListWidget>
#include <QSpinBox>
#include <QTreeWidget>

#include <cmath>
#include <iostream>

using namespace Dps;
using namespace Dps::Test;
using Setup::SetupController;
using Ui::SetupWizard;
using Ui::Status;

namespace {

struct Plan
{
    QString subscription = Demo::kProduction;
    QString group = QStringLiteral("wiz-rg");
    bool newGroup = true;
    QString region = QStringLiteral("westeurope");
    QString dps = QStringLiteral("wiz-dps");
    bool newDps = true;
    QString hub = QStringLiteral("wiz-hub");
    bool newHub = true;
    QString hubSku = QStringLiteral("S1");
    QString hubSubscription; // existing hub: its subscription (empty: the DPS's)
    QString policy = QStringLiteral("Hashed");
    int weight = 1;
    QString newPolicy; // a dedicated least-privilege policy to create (empty: iothubowner)
};

template<typename T>
T waitValue(QObject *op, int ms = 15000)
{
    QSignalSpy done(op, SIGNAL(finished(QJsonObject)));
    QSignalSpy failed(op, SIGNAL(failed(Dps::Arm::ArmError)));
    QTest::qWaitFor([&] { return !done.isEmpty() || !failed.isEmpty(); }, ms);
    return done.isEmpty() ? T() : done.first().first().value<T>();
}

} // namespace

class WizardTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        quietCoreLogs();
        ASSERT_TRUE(m_dir.isValid());
        QApplication::clipboard()->clear();
    }
    void TearDown() override
    {
        m_drive.reset();
        m_wizard.reset();
        m_controller.reset();
        m_session.reset();
    }

    void startSandbox(const QString &lroSeconds = QStringLiteral("0.3,0.5,0.2"))
    {
        SandboxProcess::Options options;
        options.world = QStringLiteral("demo");
        options.lroSeconds = lroSeconds;
        m_sandbox = std::make_unique<SandboxProcess>(options);
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
        m_session = EngineSession::open(m_sandbox->info());
    }

    // POST /_sandbox/faults: the sandbox fails matching requests (or their LROs) from now on.
    void injectFault(const QJsonObject &fault)
    {
        HttpClient http(m_sandbox.get());
        ASSERT_EQ(http.postJson(adminUrl(*m_sandbox, QStringLiteral("faults")), fault).status, 201);
    }
    void failLro(const QString &method, const QString &path)
    {
        injectFault({{QStringLiteral("method"), method}, {QStringLiteral("path"), path}, {QStringLiteral("failLro"), true}});
    }

    // A new controller and wizard, as a new start of the app: same settings file and run journal.
    void openWizard(bool signIn = true)
    {
        m_drive.reset();
        m_wizard.reset();
        m_controller = std::make_unique<SetupController>(nullptr, nullptr, m_dir.filePath(QStringLiteral("runs")));
        m_controller->setSettingsFile(m_dir.filePath(QStringLiteral("settings.ini")));
        m_controller->setNameCheckDelayMs(30);
        m_controller->setPollIntervalMs(100);
        m_controller->restoreChoices();
        if (signIn)
            m_controller->useSandbox(m_sandbox->info());
        m_wizard = std::make_unique<SetupWizard>(*m_controller);
        m_wizard->setUrlOpener([this](const QUrl &url) {
            m_opened << url;
            return true;
        });
        m_wizard->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(m_wizard.get()));
        m_current = m_wizard.get();
        m_drive = std::make_unique<WizardDriver>(*m_wizard);
    }

    int page() const { return m_current->currentId(); }

    void subscriptionPage(const Plan &p)
    {
        ASSERT_EQ(page(), SetupWizard::Subscription);
        ASSERT_TRUE(m_drive->pick("subscriptionCombo", p.subscription));
        if (p.newGroup) {
            m_drive->click("newGroupRadio");
            m_drive->type("groupNameEdit", p.group);
        } else {
            ASSERT_TRUE(QTest::qWaitFor([&] { return m_drive->find<QRadioButton>("existingGroupRadio")->isEnabled(); }, 10000));
            m_drive->click("existingGroupRadio");
            ASSERT_TRUE(m_drive->pick("groupCombo", p.group));
        }
        ASSERT_TRUE(m_drive->pick("regionCombo", p.region));
        ASSERT_TRUE(m_drive->next("subscription")) << str(m_drive->message("subscriptionMessage"));
    }

    void dpsPage(const Plan &p)
    {
        ASSERT_EQ(page(), SetupWizard::Dps);
        if (p.newDps) {
            m_drive->click("newDpsRadio");
            m_drive->type("dpsNameEdit", p.dps);
            ASSERT_TRUE(m_drive->waitMessage("dpsNameMessage", Status::Ok)) << str(m_drive->message("dpsNameMessage"));
        } else {
            ASSERT_TRUE(QTest::qWaitFor([&] { return m_drive->find<QRadioButton>("existingDpsRadio")->isEnabled(); }, 10000));
            m_drive->click("existingDpsRadio");
            ASSERT_TRUE(m_drive->pick("dpsCombo", p.dps));
        }
        ASSERT_TRUE(m_drive->next("dps"));
    }

    void hubPage(const Plan &p)
    {
        ASSERT_EQ(page(), SetupWizard::IotHub);
        if (p.newHub) {
            m_drive->click("newHubRadio");
            ASSERT_TRUE(m_drive->pick("hubTierCombo", p.hubSku));
            m_drive->type("hubNameEdit", p.hub);
            ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
        } else {
            m_drive->click("existingHubRadio");
            if (!p.hubSubscription.isEmpty()) {
                ASSERT_TRUE(m_drive->pick("hubSubscriptionCombo", p.hubSubscription));
            }
            ASSERT_TRUE(m_drive->pick("hubCombo", p.hub)) << str(m_drive->message("hubListMessage"));
        }
        ASSERT_TRUE(m_drive->next("iot-hub"));
    }

    void linkAndPolicyPages(const Plan &p)
    {
        ASSERT_EQ(page(), SetupWizard::Link);
        if (p.newPolicy.isEmpty()) {
            ASSERT_TRUE(m_drive->pick("accessPolicyCombo", QStringLiteral("iothubowner")));
        } else {
            m_drive->click("createPolicyRadio");
            m_drive->type("newPolicyEdit", p.newPolicy);
        }
        m_drive->find<QSpinBox>("allocationWeightSpin")->setValue(p.weight);
        ASSERT_TRUE(m_drive->next("link"));
        ASSERT_EQ(page(), SetupWizard::Policy);
        if (p.policy == QLatin1String("GeoLatency"))
            m_drive->click("geoLatencyRadio");
        else if (p.policy == QLatin1String("Static"))
            m_drive->click("staticRadio");
        else
            m_drive->click("hashedRadio");
        ASSERT_TRUE(m_drive->next("allocation-policy"));
        ASSERT_EQ(page(), SetupWizard::Review);
    }

    // Production has its free hub already; on the hub page a new F1 hub is typed: the tier is refused.
    void freeHubOnTheHubPage()
    {
    startSandbox();
    createHub(Demo::kProduction, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-free-hub"), QStringLiteral("F1"), QStringLiteral("westeurope"));
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next());
    subscriptionPage(p);
    dpsPage(p);
    ASSERT_TRUE(m_drive->pick("hubTierCombo", QStringLiteral("F1")));
    m_drive->type("hubNameEdit", QStringLiteral("my-free-hub"));
    ASSERT_TRUE(m_drive->waitMessage("hubTierMessage", Status::Error));
    }

    void walkToReview(const Plan &p)
    {
        ASSERT_EQ(page(), SetupWizard::SignIn);
        ASSERT_TRUE(m_drive->next("sign-in"));
        subscriptionPage(p);
        dpsPage(p);
        hubPage(p);
        linkAndPolicyPages(p);
        // Review reads Azure first; the plan's words come with the checks' answer.
        ASSERT_TRUE(QTest::qWaitFor([this] {
            return !m_drive->find<QLabel>("planSummary")->text().startsWith(QLatin1String("Reading what exists"));
        }, 30000));
    }

    // Review -> Apply -> Done.
    void applyToDone()
    {
        ASSERT_EQ(page(), SetupWizard::Review);
        ASSERT_TRUE(m_drive->next("review")) << "checks did not pass";
        ASSERT_EQ(page(), SetupWizard::Apply);
        ASSERT_TRUE(m_drive->waitCanGoOn(30000)) << str(m_drive->banner("applyBanner")->text());
        ASSERT_TRUE(m_drive->next("apply"));
        ASSERT_EQ(page(), SetupWizard::Done);
        m_drive->shot("done");
    }

    Arm::ProvisioningService getDps(const QString &group, const QString &name)
    {
        Services::ServiceCall *call = m_session->service->getDps({Demo::kProduction, group, name, m_session->tenantId});
        QSignalSpy spy(call, &Services::ServiceCall::finished);
        EXPECT_TRUE(spy.wait(10000));
        return spy.isEmpty() ? Arm::ProvisioningService() : spy.first().first().value<Arm::ProvisioningService>();
    }

    // In a resource group of the demo world.
    void createHub(const QString &sub, const QString &group, const QString &name, const QString &sku, const QString &location)
    {
        Arm::ArmOperation *op = m_session->service->createHub({sub, group, name, m_session->tenantId}, location, sku, 1,
                                                              sku == QLatin1String("F1") ? 2 : 4);
        QSignalSpy done(op, &Arm::ArmOperation::finished);
        ASSERT_TRUE(done.wait(15000));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<EngineSession> m_session;
    std::unique_ptr<SetupController> m_controller;
    std::unique_ptr<SetupWizard> m_wizard;
    std::unique_ptr<WizardDriver> m_drive;
    SetupWizard *m_current = nullptr; // the wizard being driven (m_wizard, or one a main window owns)
    QList<QUrl> m_opened;
};

TEST_F(WizardTest, NewResourcesFromSignInToDoneWithEveryCopy)
{
    startSandbox();
    openWizard();
    Plan p;
    p.policy = QStringLiteral("GeoLatency");
    p.weight = 3;
    walkToReview(p);

    // Review: the plan in words and the calls; nothing written yet.
    const QString summary = m_drive->find<QLabel>("planSummary")->text();
    EXPECT_TRUE(summary.contains(QLatin1String("wiz-dps"))) << str(summary);
    EXPECT_TRUE(summary.contains(QLatin1String("Lowest latency"))) << str(summary);
    auto *calls = m_drive->find<QTreeWidget>("callList");
    EXPECT_GT(calls->topLevelItemCount(), 4);
    // Every call shows its whole text (wrapped, never cut or elided), at this window's width.
    m_drive->shot("review");
    for (int i = 0; i < calls->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = calls->topLevelItem(i);
        const QRect row = calls->visualItemRect(item);
        for (int column = 0; column < 2; ++column) {
            const int width = calls->header()->sectionSize(column) - 8; // the delegate's margins
            const QRect needed = QFontMetrics(item->font(column)).boundingRect(QRect(0, 0, width, 100000), Qt::TextWordWrap, item->text(column));
            EXPECT_LE(needed.width(), width + 1) << str(item->text(column));
            EXPECT_LE(needed.height(), row.height()) << "row " << i << " column " << column << ": " << str(item->text(column));
        }
    }
    ASSERT_TRUE(m_drive->waitCanGoOn());
    EXPECT_EQ(fetchRequestLog(*m_sandbox).writes().size(), 0) << str(fetchRequestLog(*m_sandbox).dump());

    applyToDone();
    const auto result = m_controller->result();
    ASSERT_TRUE(result.has_value());

    // What the Done page shows is what Azure holds.
    const Arm::ProvisioningService dps = getDps(p.group, p.dps);
    EXPECT_EQ(dps.allocationPolicy, QStringLiteral("GeoLatency"));
    ASSERT_EQ(dps.linkedHubs.size(), 1);
    EXPECT_EQ(dps.linkedHubs[0].hostName, QStringLiteral("wiz-hub.azure-devices.net"));
    EXPECT_EQ(dps.linkedHubs[0].allocationWeight, 3);
    auto *idScope = m_drive->find<Ui::CopyField>("idScopeField");
    ASSERT_NE(idScope, nullptr);
    EXPECT_EQ(idScope->value(), dps.idScope);
    EXPECT_FALSE(dps.idScope.isEmpty());
    EXPECT_EQ(m_drive->find<Ui::CopyField>("serviceEndpointField")->value(), dps.serviceOperationsHostName);
    EXPECT_EQ(m_drive->find<Ui::CopyField>("globalEndpointField")->value(), dps.deviceProvisioningHostName);
    EXPECT_EQ(m_drive->find<Ui::CopyField>("hubHostField")->value(), QStringLiteral("wiz-hub.azure-devices.net"));

    // Each copy button puts its value on the clipboard and says so.
    for (const char *name : {"idScopeField", "serviceEndpointField", "globalEndpointField", "hubHostField"}) {
        auto *field = m_drive->find<Ui::CopyField>(name);
        EXPECT_FALSE(field->confirmation()->isVisible()) << name;
        QTest::mouseClick(field->copyButton(), Qt::LeftButton);
        EXPECT_EQ(QApplication::clipboard()->text(), field->value()) << name;
        EXPECT_TRUE(field->confirmation()->isVisible()) << name;
    }
    // Device settings as text, JSON and environment variables.
    auto *settings = m_drive->find<QToolButton>("copySettingsButton");
    ASSERT_NE(settings, nullptr);
    settings->menu()->findChild<QAction *>(QStringLiteral("copyAsJson"))->trigger();
    const QJsonObject json = QJsonDocument::fromJson(QApplication::clipboard()->text().toUtf8()).object();
    EXPECT_EQ(json.value(QStringLiteral("idScope")).toString(), dps.idScope);
    EXPECT_EQ(json.value(QStringLiteral("globalDeviceEndpoint")).toString(), dps.deviceProvisioningHostName);
    EXPECT_EQ(m_drive->find<QLabel>("settingsCopiedLabel")->text(), QStringLiteral("Copied as JSON"));
    settings->menu()->findChild<QAction *>(QStringLiteral("copyAsEnvironment"))->trigger();
    EXPECT_EQ(QApplication::clipboard()->text(),
              QStringLiteral("PROVISIONING_HOST=%1\nPROVISIONING_IDSCOPE=%2\n").arg(dps.deviceProvisioningHostName, dps.idScope));
    // The format menu opens from the keyboard too (Alt+Down), with its first entry active.
    EXPECT_FALSE(settings->menu()->isVisible());
    settings->setFocus();
    QTest::keyClick(settings, Qt::Key_Down, Qt::AltModifier);
    ASSERT_TRUE(QTest::qWaitFor([&] { return settings->menu()->isVisible(); }, 2000));
    EXPECT_EQ(settings->menu()->activeAction(), settings->menu()->actions().constFirst());
    settings->menu()->close();
    QTest::mouseClick(settings, Qt::LeftButton, {}, QPoint(8, settings->height() / 2));
    EXPECT_EQ(QApplication::clipboard()->text(),
              QStringLiteral("ID scope: %1\nGlobal device endpoint: %2\n").arg(dps.idScope, dps.deviceProvisioningHostName));

    // The sandbox has no portal: no portal buttons, a note instead.
    EXPECT_FALSE(m_drive->find<QPushButton>("openDpsButton")->isVisible());
    EXPECT_TRUE(m_drive->find<QLabel>("portalNote")->isVisible());

    // The choices are remembered for the next start, without anything secret.
    QFile settingsFile(m_dir.filePath(QStringLiteral("settings.ini")));
    ASSERT_TRUE(settingsFile.open(QIODevice::ReadOnly));
    const QByteArray saved = settingsFile.readAll();
    EXPECT_TRUE(saved.contains("wiz-dps"));
    const QString secret = m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject().value(QStringLiteral("clientSecret")).toString();
    EXPECT_FALSE(saved.contains(secret.toUtf8()));
    EXPECT_FALSE(saved.contains("SharedAccessKey"));
}

TEST_F(WizardTest, ExistingGroupDpsAndHub)
{
    startSandbox();
    openWizard();
    Plan p;
    p.newGroup = false;
    p.group = QStringLiteral("iot-shared-rg");
    p.region = QStringLiteral("eastus");
    p.newDps = false;
    p.dps = QStringLiteral("contoso-dps-staging");
    p.newHub = false;
    p.hub = QStringLiteral("contoso-hub-eus");
    p.policy = QStringLiteral("Static");
    walkToReview(p);
    const QString summary = m_drive->find<QLabel>("planSummary")->text();
    EXPECT_TRUE(summary.contains(QLatin1String("Use the existing Device Provisioning Service 'contoso-dps-staging'"))) << str(summary);
    applyToDone();
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.method == QLatin1String("PUT") && e.path.contains(QLatin1String("/IotHubs/")); }), 0)
        << str(log.dump());
    const Arm::ProvisioningService dps = getDps(QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-dps-staging"));
    EXPECT_EQ(dps.allocationPolicy, QStringLiteral("Static"));
    ASSERT_EQ(dps.linkedHubs.size(), 1);
    EXPECT_EQ(dps.linkedHubs[0].hostName, QStringLiteral("contoso-hub-eus.azure-devices.net"));
}

TEST_F(WizardTest, ADedicatedLeastPrivilegePolicyLinksAnExistingHub)
{
    startSandbox();
    const Services::ResourceRef hub{Demo::kProduction, QStringLiteral("iot-shared-rg"), QStringLiteral("contoso-hub-eus"), QString()};
    auto ownerKey = [&] {
        Services::ServiceCall *call = m_session->service->hubPolicy(hub, QStringLiteral("iothubowner"));
        QSignalSpy spy(call, &Services::ServiceCall::finished);
        EXPECT_TRUE(spy.wait(10000));
        return spy.isEmpty() ? QString() : spy.first().first().value<Arm::AccessPolicy>().primaryKey;
    };
    const QString keyBefore = ownerKey();
    ASSERT_FALSE(keyBefore.isEmpty());
    openWizard();
    Plan p;
    p.newHub = false;
    p.hub = QStringLiteral("contoso-hub-eus");
    p.newPolicy = QStringLiteral("dps-only");
    walkToReview(p);
    EXPECT_TRUE(m_drive->find<QLabel>("planSummary")->text().contains(QLatin1String("dps-only")));
    applyToDone();

    Services::ServiceCall *list = m_session->service->listHubPolicies(hub);
    QSignalSpy listed(list, &Services::ServiceCall::finished);
    ASSERT_TRUE(listed.wait(10000));
    QStringList names;
    QString rights;
    for (const auto &policy : listed.first().first().value<QList<Arm::AccessPolicy>>()) {
        names << policy.keyName;
        if (policy.keyName == QLatin1String("dps-only"))
            rights = policy.rights;
    }
    EXPECT_TRUE(names.contains(QStringLiteral("iothubowner"))) << str(names.join(QLatin1Char(',')));
    EXPECT_TRUE(names.contains(QStringLiteral("dps-only"))) << str(names.join(QLatin1Char(',')));
    EXPECT_EQ(rights, QStringLiteral("RegistryWrite, ServiceConnect"));
    // The other policies kept their keys.
    EXPECT_EQ(ownerKey(), keyBefore);
    const Arm::ProvisioningService dps = getDps(p.group, p.dps);
    ASSERT_EQ(dps.linkedHubs.size(), 1);
    EXPECT_TRUE(dps.linkedHubs[0].connectionString.contains(QLatin1String("SharedAccessKeyName=dps-only")))
        << str(dps.linkedHubs[0].connectionString);
}

// An existing DPS whose policy is Static, with the chosen hub linked at weight 1: the pages start from
// what it holds and say so; Review lists the changes as before -> after apart from creations; Apply
// writes exactly the plan's one DPS update; a second Review says there is nothing to do.
TEST_F(WizardTest, AnExistingDpsStartsFromWhatItHoldsAndReviewSaysBeforeAndAfter)
{
    startSandbox();
    const Services::ResourceRef ref{Demo::kProduction, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps"), m_session->tenantId};
    waitValue<QJsonObject>(m_session->service->setAllocationPolicy(ref, QStringLiteral("Static")));
    ASSERT_EQ(getDps(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps")).allocationPolicy, QStringLiteral("Static"));
    openWizard();
    Plan p;
    p.newGroup = false;
    p.group = QStringLiteral("iot-prod-rg");
    p.newDps = false;
    p.dps = QStringLiteral("contoso-dps");
    p.newHub = false;
    p.hub = QStringLiteral("contoso-hub-weu");
    ASSERT_TRUE(m_drive->next("sign-in"));
    subscriptionPage(p);
    dpsPage(p);
    hubPage(p);

    // Link: the existing link, with its weight and flag as the starting point.
    ASSERT_EQ(page(), SetupWizard::Link);
    auto *note = m_drive->find<QLabel>("existingLinkNote");
    EXPECT_TRUE(note->isVisible());
    EXPECT_TRUE(note->text().contains(QLatin1String("already linked"))) << str(note->text());
    EXPECT_TRUE(note->text().contains(QLatin1String("allocation weight 1"))) << str(note->text());
    EXPECT_EQ(m_drive->find<QSpinBox>("allocationWeightSpin")->value(), 1);
    EXPECT_TRUE(m_drive->find<QCheckBox>("applyAllocationPolicyCheck")->isChecked());
    m_drive->shot("link-existing");
    m_drive->find<QSpinBox>("allocationWeightSpin")->setValue(3);
    ASSERT_TRUE(m_drive->next("link"));

    // Policy: the DPS's own, said as "currently".
    ASSERT_EQ(page(), SetupWizard::Policy);
    EXPECT_TRUE(m_drive->find<QRadioButton>("staticRadio")->isChecked());
    auto *current = m_drive->find<QLabel>("currentPolicyNote");
    EXPECT_TRUE(current->isVisible());
    EXPECT_TRUE(current->text().contains(QLatin1String("currently uses Static configuration"))) << str(current->text());
    m_drive->shot("policy-current");
    m_drive->click("hashedRadio");
    ASSERT_TRUE(m_drive->next("allocation-policy"));
    ASSERT_EQ(page(), SetupWizard::Review);
    ASSERT_TRUE(m_drive->waitCanGoOn(30000));

    // Review: changes to what exists, before -> after, apart from anything new (there is none).
    const QString summary = m_drive->find<QLabel>("planSummary")->text();
    m_drive->shot("review-changes");
    EXPECT_FALSE(summary.contains(QLatin1String("New:"))) << str(summary);
    const int changes = summary.indexOf(QLatin1String("Changes to existing resources"));
    const int unchanged = summary.indexOf(QLatin1String("Unchanged:"));
    ASSERT_GE(changes, 0) << str(summary);
    const int weightLine = summary.indexOf(QLatin1String("Change the allocation weight of the link to 'contoso-hub-weu' from 1 to 3"));
    const int policyLine = summary.indexOf(QLatin1String("Change the allocation policy from Static configuration to Evenly weighted distribution"));
    EXPECT_GT(weightLine, changes) << str(summary);
    EXPECT_GT(policyLine, changes) << str(summary);
    EXPECT_LT(weightLine, unchanged) << str(summary);
    EXPECT_TRUE(summary.contains(QLatin1String("Use the existing Device Provisioning Service 'contoso-dps'"))) << str(summary);
    const std::optional<Setup::Plan> plan = m_controller->currentPlan();
    ASSERT_TRUE(plan.has_value());
    ASSERT_EQ(plan->writes().size(), 1);

    // Apply writes exactly that.
    clearRequestLog(*m_sandbox);
    applyToDone();
    const QList<LoggedRequest> writes = fetchRequestLog(*m_sandbox).writes();
    ASSERT_EQ(writes.size(), 1) << str(fetchRequestLog(*m_sandbox).dump());
    EXPECT_EQ(writes[0].method, plan->writes()[0].method);
    EXPECT_EQ(writes[0].path.toLower(), plan->writes()[0].path.toLower());
    const Arm::ProvisioningService dps = getDps(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps"));
    EXPECT_EQ(dps.allocationPolicy, QStringLiteral("Hashed"));
    ASSERT_EQ(dps.linkedHubs.size(), 1);
    EXPECT_EQ(dps.linkedHubs[0].allocationWeight, 3);

    // The same choices again: nothing to do.
    m_controller->runChecks();
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_controller->currentPlan().has_value() && m_controller->currentPlan()->nothingToDo(); }, 15000));
}

// Azure changes between Review and Apply in a way the person did not see (someone sets the link's
// weight to 5): Apply writes nothing, shows the plan as it is now, and applies it only when asked.
TEST_F(WizardTest, AzureChangingAfterReviewStopsApplyAndShowsTheNewPlan)
{
    startSandbox();
    openWizard();
    Plan p;
    p.newGroup = false;
    p.group = QStringLiteral("iot-prod-rg");
    p.newDps = false;
    p.dps = QStringLiteral("contoso-dps");
    p.newHub = false;
    p.hub = QStringLiteral("contoso-hub-weu");
    p.weight = 3;
    walkToReview(p);
    ASSERT_TRUE(m_drive->waitCanGoOn(30000));
    const Services::ResourceRef dps{Demo::kProduction, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps"), m_session->tenantId};
    const Services::ResourceRef hub{Demo::kProduction, QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-hub-weu"), m_session->tenantId};
    Services::LinkOptions someoneElses;
    someoneElses.allocationWeight = 5;
    waitValue<QJsonObject>(m_session->service->configureDps(dps, hub, someoneElses, QString()));
    clearRequestLog(*m_sandbox);

    ASSERT_TRUE(m_drive->next("review"));
    ASSERT_EQ(page(), SetupWizard::Apply);
    Ui::MessageBanner *banner = m_drive->banner("applyBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Error; }, 20000));
    m_drive->shot("plan-changed");
    EXPECT_TRUE(banner->text().contains(QLatin1String("from 5 to 3"))) << str(banner->text());
    EXPECT_EQ(banner->findChild<QPushButton *>(QStringLiteral("retryButton")), nullptr); // no blind retry
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).writes().isEmpty()) << str(fetchRequestLog(*m_sandbox).dump());
    EXPECT_EQ(getDps(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps")).linkedHubs.value(0).allocationWeight, 5);

    auto *applyNew = banner->findChild<QPushButton *>(QStringLiteral("applyNewPlanButton"));
    ASSERT_NE(applyNew, nullptr);
    QTest::mouseClick(applyNew, Qt::LeftButton);
    ASSERT_TRUE(m_drive->waitCanGoOn(30000)) << str(banner->text());
    EXPECT_EQ(getDps(QStringLiteral("iot-prod-rg"), QStringLiteral("contoso-dps")).linkedHubs.value(0).allocationWeight, 3);
}

TEST_F(WizardTest, HubFromAnotherSubscription)
{
    startSandbox();
    ASSERT_EQ(changeSubscription(*m_sandbox, Demo::kDevTest,
                                 QJsonObject{{QStringLiteral("providers"), QJsonObject{{QStringLiteral("Microsoft.Devices"), QStringLiteral("Registered")}}}}),
              200);
    createHub(Demo::kDevTest, QStringLiteral("dev-rg"), QStringLiteral("devtest-hub"), QStringLiteral("S1"), QStringLiteral("northeurope"));
    openWizard();
    Plan p;
    p.newHub = false;
    p.hub = QStringLiteral("devtest-hub");
    p.hubSubscription = Demo::kDevTest;
    walkToReview(p);
    const QString summary = m_drive->find<QLabel>("planSummary")->text();
    EXPECT_TRUE(summary.contains(Demo::kDevTest)) << str(summary);
    applyToDone();
    const Arm::ProvisioningService dps = getDps(p.group, p.dps);
    ASSERT_EQ(dps.linkedHubs.size(), 1);
    EXPECT_EQ(dps.linkedHubs[0].hostName, QStringLiteral("devtest-hub.azure-devices.net"));
    EXPECT_EQ(m_drive->find<Ui::CopyField>("hubHostField")->value(), QStringLiteral("devtest-hub.azure-devices.net"));
}

TEST_F(WizardTest, TakenNamesAreShownBesideTheFieldAndBlockNext)
{
    startSandbox();
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next());
    subscriptionPage(p);
    // Someone else's DPS (the demo world's, in another resource group) has this name.
    m_drive->type("dpsNameEdit", QStringLiteral("contoso-dps"));
    ASSERT_TRUE(m_drive->waitMessage("dpsNameMessage", Status::Error));
    m_drive->shot("dps-name-taken");
    EXPECT_TRUE(m_drive->message("dpsNameMessage").contains(QLatin1String("taken"))) << str(m_drive->message("dpsNameMessage"));
    EXPECT_FALSE(m_drive->canGoOn());
    // A broken name is answered without asking Azure.
    m_drive->type("dpsNameEdit", QStringLiteral("-x"));
    EXPECT_EQ(m_drive->messageStatus("dpsNameMessage"), Status::Error);
    EXPECT_FALSE(m_drive->canGoOn());
    m_drive->type("dpsNameEdit", QStringLiteral("free-dps-name"));
    ASSERT_TRUE(m_drive->waitMessage("dpsNameMessage", Status::Ok));
    EXPECT_TRUE(m_drive->canGoOn());
    ASSERT_TRUE(m_drive->next());

    m_drive->type("hubNameEdit", QStringLiteral("contoso-hub-weu"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Error));
    EXPECT_TRUE(m_drive->message("hubNameMessage").contains(QLatin1String("taken"))) << str(m_drive->message("hubNameMessage"));
    EXPECT_FALSE(m_drive->canGoOn());
    m_drive->type("hubNameEdit", QStringLiteral("free-hub-name"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok));
    EXPECT_TRUE(m_drive->canGoOn());
}

TEST_F(WizardTest, UnregisteredProviderIsOfferedAndRegistered)
{
    startSandbox();
    openWizard();
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(m_drive->pick("subscriptionCombo", Demo::kDevTest));
    Ui::MessageBanner *banner = m_drive->banner("providerBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Warning; }, 10000)) << str(banner->text());
    EXPECT_TRUE(banner->text().contains(QLatin1String("Microsoft.Devices"))) << str(banner->text());
    m_drive->type("groupNameEdit", QStringLiteral("dev-new-rg"));
    EXPECT_FALSE(m_drive->canGoOn());
    m_drive->shot("provider-not-registered");
    auto *registerButton = banner->findChild<QPushButton *>(QStringLiteral("registerProviderButton"));
    ASSERT_NE(registerButton, nullptr);
    QTest::mouseClick(registerButton, Qt::LeftButton);
    ASSERT_TRUE(m_drive->waitCanGoOn(20000)) << str(banner->text());
    EXPECT_FALSE(banner->isVisible());
    ASSERT_TRUE(m_drive->next());
    EXPECT_EQ(page(), SetupWizard::Dps);
}

TEST_F(WizardTest, ReviewChecksOfferTheirFix)
{
    startSandbox();
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next());
    subscriptionPage(p);
    dpsPage(p);
    hubPage(p);
    // Someone unregisters Microsoft.Devices while the person is on the later pages.
    ASSERT_EQ(changeSubscription(*m_sandbox, Demo::kProduction,
                                 QJsonObject{{QStringLiteral("providers"), QJsonObject{{QStringLiteral("Microsoft.Devices"), QStringLiteral("NotRegistered")}}}}),
              200);
    linkAndPolicyPages(p);
    auto *checks = m_drive->find<QWidget>("checkList");
    QPushButton *fix = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (fix = checks->findChild<QPushButton *>(QStringLiteral("fix-provider-registered"))) != nullptr; }, 10000));
    EXPECT_FALSE(m_drive->canGoOn());
    EXPECT_EQ(m_drive->banner("reviewBanner")->status(), Status::Error);
    m_drive->shot("review-fix");
    QTest::mouseClick(fix, Qt::LeftButton);
    ASSERT_TRUE(m_drive->waitCanGoOn(20000));
    applyToDone();
}

TEST_F(WizardTest, TheFreeHubLimitIsShownBeforeItFails)
{
    freeHubOnTheHubPage();
    if (HasFatalFailure())
        return;
    m_drive->shot("free-hub-limit");
    EXPECT_TRUE(m_drive->message("hubTierMessage").contains(QLatin1String("contoso-free-hub"))) << str(m_drive->message("hubTierMessage"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok));
    EXPECT_FALSE(m_drive->canGoOn());
    EXPECT_FALSE(m_drive->find<QSpinBox>("hubUnitsSpin")->isEnabled());
    ASSERT_TRUE(m_drive->pick("hubTierCombo", QStringLiteral("B1")));
    EXPECT_TRUE(m_drive->message("hubTierMessage").isEmpty());
    EXPECT_TRUE(m_drive->waitCanGoOn());
}

// ---- a new hub in any subscription ----------------------------------------------------------------

namespace {
// The hub name checks (checkNameAvailability of Microsoft.Devices) the wizard sent to `subscription`.
int hubNameChecksIn(const RequestLog &log, const QString &subscription)
{
    return log.count([&](const LoggedRequest &e) {
        return e.method == QLatin1String("POST")
               && e.path.contains(QStringLiteral("/subscriptions/%1/").arg(subscription), Qt::CaseInsensitive)
               && e.path.endsWith(QLatin1String("/providers/Microsoft.Devices/checkNameAvailability"), Qt::CaseInsensitive);
    });
}
} // namespace

TEST_F(WizardTest, ANewHubInAnotherSubscriptionAndANewResourceGroup)
{
    startSandbox();
    ASSERT_EQ(changeSubscription(*m_sandbox, Demo::kDevTest,
                                 QJsonObject{{QStringLiteral("providers"), QJsonObject{{QStringLiteral("Microsoft.Devices"), QStringLiteral("Registered")}}}}),
              200);
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next("sign-in"));
    subscriptionPage(p);
    dpsPage(p);
    ASSERT_EQ(page(), SetupWizard::IotHub);
    auto *subscription = m_drive->find<QComboBox>("hubSubscriptionCombo");
    ASSERT_NE(subscription, nullptr);
    EXPECT_TRUE(subscription->isEnabled()) << "the subscription applies to a new hub too";
    m_drive->click("newHubRadio");
    ASSERT_TRUE(m_drive->pick("hubSubscriptionCombo", Demo::kDevTest));
    ASSERT_TRUE(m_drive->pick("hubRegionCombo", QStringLiteral("northeurope"))); // the Dev/Test subscription's regions
    clearRequestLog(*m_sandbox);
    m_drive->type("hubNameEdit", QStringLiteral("elsewhere-hub"));
    m_drive->type("hubResourceGroupEdit", QStringLiteral("dev-new-rg"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
    ASSERT_TRUE(m_drive->waitMessage("hubResourceGroupMessage", Status::Info)) << str(m_drive->message("hubResourceGroupMessage"));
    EXPECT_EQ(m_drive->message("hubResourceGroupMessage"), QStringLiteral("A new resource group 'dev-new-rg' will be created in North Europe."));
    EXPECT_EQ(m_drive->banner("hubProviderBanner")->status(), Status::None) << str(m_drive->banner("hubProviderBanner")->text());
    // Hub names are global: checked in the DPS's subscription, which is registered for Microsoft.Devices.
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_GE(hubNameChecksIn(log, Demo::kProduction), 1) << str(log.dump());
    EXPECT_EQ(hubNameChecksIn(log, Demo::kDevTest), 0) << str(log.dump());
    ASSERT_TRUE(m_drive->next("iot-hub-elsewhere"));
    ASSERT_EQ(page(), SetupWizard::Link);
    const Setup::PlanInput &plan = m_controller->plan();
    EXPECT_TRUE(plan.createHub);
    EXPECT_EQ(plan.hubName, QStringLiteral("elsewhere-hub"));
    EXPECT_EQ(plan.hubSubscriptionId, Demo::kDevTest);
    EXPECT_EQ(plan.hubTenantId, m_sandbox->tenantId(0));
    EXPECT_EQ(plan.hubResourceGroup, QStringLiteral("dev-new-rg"));
    EXPECT_TRUE(plan.createHubResourceGroup);
    EXPECT_EQ(plan.effectiveHubLocation(), QStringLiteral("northeurope"));
    EXPECT_FALSE(plan.registerProviders);
    EXPECT_EQ(plan.subscriptionId, Demo::kProduction); // the DPS stays where it was
    EXPECT_EQ(plan.resourceGroup, QStringLiteral("wiz-rg"));
}

TEST_F(WizardTest, AnExistingResourceGroupIsDetectedAndABadNameBlocksNext)
{
    startSandbox();
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next("sign-in"));
    subscriptionPage(p);
    dpsPage(p);
    ASSERT_EQ(page(), SetupWizard::IotHub);
    m_drive->click("newHubRadio");
    // By default the hub goes into the DPS's group (new, from the subscription page).
    auto *group = m_drive->find<QComboBox>("hubResourceGroupCombo");
    ASSERT_NE(group, nullptr);
    EXPECT_TRUE(group->isEditable());
    EXPECT_EQ(group->currentText(), QStringLiteral("wiz-rg"));
    ASSERT_TRUE(m_drive->waitMessage("hubResourceGroupMessage", Status::Info)) << str(m_drive->message("hubResourceGroupMessage"));
    EXPECT_TRUE(m_drive->message("hubResourceGroupMessage").contains(QLatin1String("new resource group 'wiz-rg'")))
        << str(m_drive->message("hubResourceGroupMessage"));
    // The subscription's groups are offered.
    EXPECT_GE(group->findText(QStringLiteral("iot-prod-rg")), 0);
    EXPECT_GE(group->findText(QStringLiteral("iot-shared-rg")), 0);
    m_drive->type("hubNameEdit", QStringLiteral("grouped-hub"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
    ASSERT_TRUE(m_drive->waitCanGoOn());

    // A name Azure refuses: said beside the field, and Next waits.
    m_drive->type("hubResourceGroupEdit", QStringLiteral("bad/name"));
    EXPECT_EQ(m_drive->messageStatus("hubResourceGroupMessage"), Status::Error);
    EXPECT_FALSE(m_drive->message("hubResourceGroupMessage").isEmpty());
    EXPECT_FALSE(m_drive->canGoOn());

    // A listed group, typed in another case: it exists, so the plan does not create it.
    m_drive->type("hubResourceGroupEdit", QStringLiteral("IOT-PROD-RG"));
    EXPECT_EQ(m_drive->messageStatus("hubResourceGroupMessage"), Status::Info);
    EXPECT_EQ(m_drive->message("hubResourceGroupMessage"), QStringLiteral("Existing resource group."));
    ASSERT_TRUE(m_drive->next());
    ASSERT_EQ(page(), SetupWizard::Link);
    EXPECT_TRUE(m_controller->plan().hubSubscriptionId.isEmpty());
    EXPECT_TRUE(m_controller->plan().hubTenantId.isEmpty());
    EXPECT_EQ(m_controller->plan().hubResourceGroup, QStringLiteral("iot-prod-rg"));
    EXPECT_FALSE(m_controller->plan().createHubResourceGroup);
    EXPECT_FALSE(m_controller->plan().registerProviders);

    // Back, and chosen from the list this time: the DPS's own (new) group again.
    m_wizard->back();
    ASSERT_EQ(page(), SetupWizard::IotHub);
    ASSERT_TRUE(m_drive->pick("hubResourceGroupCombo", QStringLiteral("iot-shared-rg")));
    EXPECT_EQ(m_drive->message("hubResourceGroupMessage"), QStringLiteral("Existing resource group."));
    m_drive->type("hubResourceGroupEdit", QStringLiteral("wiz-rg"));
    EXPECT_TRUE(m_drive->message("hubResourceGroupMessage").contains(QLatin1String("new resource group 'wiz-rg'")))
        << str(m_drive->message("hubResourceGroupMessage"));
    ASSERT_TRUE(m_drive->next());
    EXPECT_TRUE(m_controller->plan().hubResourceGroup.isEmpty()) << str(m_controller->plan().hubResourceGroup);
    EXPECT_TRUE(m_controller->plan().createHubResourceGroup);
}

TEST_F(WizardTest, AnUnregisteredHubSubscriptionOffersToRegisterMicrosoftDevices)
{
    SandboxProcess::Options options;
    options.world = QStringLiteral("demo");
    options.extraArgs = {QStringLiteral("--register-seconds"), QStringLiteral("1")};
    m_sandbox = std::make_unique<SandboxProcess>(options);
    QString error;
    ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
    m_session = EngineSession::open(m_sandbox->info());
    openWizard();
    m_controller->service()->setProviderPollIntervalMs(200);
    Plan p;
    ASSERT_TRUE(m_drive->next("sign-in"));
    subscriptionPage(p);
    dpsPage(p);
    ASSERT_EQ(page(), SetupWizard::IotHub);
    ASSERT_TRUE(m_drive->pick("hubSubscriptionCombo", Demo::kDevTest));
    Ui::MessageBanner *banner = m_drive->banner("hubProviderBanner");
    ASSERT_NE(banner, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Warning; }, 10000)) << str(banner->text());
    m_drive->shot("hub-provider-not-registered");
    EXPECT_TRUE(banner->text().contains(QLatin1String("not registered for IoT resources"))) << str(banner->text());
    EXPECT_TRUE(banner->text().contains(QLatin1String("Apply registers it first"))) << str(banner->text());
    // An unregistered subscription has no hubs: the existing-hub list is empty, and says so.
    m_drive->click("existingHubRadio");
    EXPECT_EQ(m_drive->find<QComboBox>("hubCombo")->count(), 0);
    EXPECT_EQ(m_drive->messageStatus("hubListMessage"), Status::Info) << str(m_drive->message("hubListMessage"));
    EXPECT_FALSE(m_drive->canGoOn());
    m_drive->click("newHubRadio");

    auto *registerButton = banner->findChild<QPushButton *>(QStringLiteral("hubRegisterProviderButton"));
    ASSERT_NE(registerButton, nullptr);
    ASSERT_TRUE(QTest::qWaitFor([&] { return registerButton->isVisible(); }, 2000));
    QTest::mouseClick(registerButton, Qt::LeftButton);
    EXPECT_EQ(banner->status(), Status::Busy) << str(banner->text());
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::None; }, 20000)) << str(banner->text());
    EXPECT_FALSE(banner->isVisible());
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) {
                  return e.method == QLatin1String("POST")
                         && e.path.endsWith(QStringLiteral("/subscriptions/%1/providers/Microsoft.Devices/register").arg(Demo::kDevTest),
                                            Qt::CaseInsensitive);
              }),
              1)
        << str(log.dump());
    // Registered now: its hubs are listed from Azure (none yet), no longer assumed away.
    ASSERT_TRUE(QTest::qWaitFor([&] {
        return fetchRequestLog(*m_sandbox).count([](const LoggedRequest &e) {
                   return e.method == QLatin1String("GET") && e.status == 200
                          && e.path.contains(QStringLiteral("/subscriptions/%1/").arg(Demo::kDevTest), Qt::CaseInsensitive)
                          && e.path.endsWith(QLatin1String("/IotHubs"), Qt::CaseInsensitive);
               }) >= 1;
    }, 10000)) << str(fetchRequestLog(*m_sandbox).dump());

    m_drive->type("hubNameEdit", QStringLiteral("registered-hub"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
    ASSERT_TRUE(m_drive->next());
    ASSERT_EQ(page(), SetupWizard::Link);
    EXPECT_EQ(m_controller->plan().hubSubscriptionId, Demo::kDevTest);
    EXPECT_FALSE(m_controller->plan().registerProviders);
}

TEST_F(WizardTest, GoingOnWithoutRegisteringLetsThePlanRegisterMicrosoftDevices)
{
    startSandbox();
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next("sign-in"));
    subscriptionPage(p);
    dpsPage(p);
    ASSERT_EQ(page(), SetupWizard::IotHub);
    m_drive->click("newHubRadio");
    ASSERT_TRUE(m_drive->pick("hubSubscriptionCombo", Demo::kDevTest));
    Ui::MessageBanner *banner = m_drive->banner("hubProviderBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Warning; }, 10000)) << str(banner->text());
    m_drive->type("hubNameEdit", QStringLiteral("later-registered-hub"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
    // The DPS's group name, new in Dev/Test (which has only dev-rg).
    EXPECT_EQ(m_drive->find<QComboBox>("hubResourceGroupCombo")->currentText(), QStringLiteral("wiz-rg"));
    ASSERT_TRUE(m_drive->waitMessage("hubResourceGroupMessage", Status::Info));
    EXPECT_TRUE(m_drive->message("hubResourceGroupMessage").contains(QLatin1String("new resource group 'wiz-rg'")))
        << str(m_drive->message("hubResourceGroupMessage"));
    // Not blocked: the plan registers Microsoft.Devices first.
    ASSERT_TRUE(m_drive->next());
    ASSERT_EQ(page(), SetupWizard::Link);
    Setup::PlanInput plan = m_controller->plan();
    EXPECT_TRUE(plan.registerProviders);
    EXPECT_EQ(plan.hubSubscriptionId, Demo::kDevTest);
    EXPECT_EQ(plan.hubResourceGroup, QStringLiteral("wiz-rg"));
    EXPECT_TRUE(plan.createHubResourceGroup);
    EXPECT_EQ(banner->status(), Status::Warning); // nothing was registered on the way
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.path.endsWith(QLatin1String("/register"), Qt::CaseInsensitive); }), 0)
        << str(log.dump());

    // Back to the DPS's (registered) subscription: nothing to register any more.
    m_wizard->back();
    ASSERT_TRUE(m_drive->pick("hubSubscriptionCombo", Demo::kProduction));
    ASSERT_TRUE(m_drive->next());
    plan = m_controller->plan();
    EXPECT_FALSE(plan.registerProviders);
    EXPECT_TRUE(plan.hubSubscriptionId.isEmpty());
    EXPECT_TRUE(plan.hubResourceGroup.isEmpty());
}

TEST_F(WizardTest, ATakenHubNameIsThePlansOwnHubOnlyWhereThePlanPutsIt)
{
    startSandbox();
    ASSERT_EQ(changeSubscription(*m_sandbox, Demo::kDevTest,
                                 QJsonObject{{QStringLiteral("providers"), QJsonObject{{QStringLiteral("Microsoft.Devices"), QStringLiteral("Registered")}}}}),
              200);
    // An earlier, unfinished run created the hub in Dev/Test's dev-rg.
    createHub(Demo::kDevTest, QStringLiteral("dev-rg"), QStringLiteral("dev-own-hub"), QStringLiteral("S1"), QStringLiteral("northeurope"));
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next());
    subscriptionPage(p);
    dpsPage(p);
    m_drive->click("newHubRadio");
    m_drive->type("hubNameEdit", QStringLiteral("dev-own-hub"));
    // In the DPS's subscription and group the name is someone else's.
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Error)) << str(m_drive->message("hubNameMessage"));
    EXPECT_TRUE(m_drive->message("hubNameMessage").contains(QLatin1String("taken"))) << str(m_drive->message("hubNameMessage"));
    // Where the plan puts it now, it is the plan's own hub: used as it is.
    ASSERT_TRUE(m_drive->pick("hubSubscriptionCombo", Demo::kDevTest));
    m_drive->type("hubResourceGroupEdit", QStringLiteral("dev-rg"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
    EXPECT_TRUE(m_drive->message("hubNameMessage").contains(QLatin1String("already exists"))) << str(m_drive->message("hubNameMessage"));
    ASSERT_TRUE(m_drive->waitCanGoOn());
    // Another group of that subscription: taken again.
    m_drive->type("hubResourceGroupEdit", QStringLiteral("dev-other-rg"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Error)) << str(m_drive->message("hubNameMessage"));
    EXPECT_FALSE(m_drive->canGoOn());
    m_drive->type("hubResourceGroupEdit", QStringLiteral("dev-rg"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
    ASSERT_TRUE(m_drive->next());
    EXPECT_EQ(m_controller->plan().hubSubscriptionId, Demo::kDevTest);
    EXPECT_EQ(m_controller->plan().hubResourceGroup, QStringLiteral("dev-rg"));
    EXPECT_FALSE(m_controller->plan().createHubResourceGroup);
}

TEST_F(WizardTest, TheFreeHubLimitIsCheckedInTheHubsSubscription)
{
    freeHubOnTheHubPage();
    if (HasFatalFailure())
        return;
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok));
    EXPECT_FALSE(m_drive->canGoOn());
    // Dev/Test has no hub at all (not even registered): its free hub is still to be had.
    ASSERT_TRUE(m_drive->pick("hubSubscriptionCombo", Demo::kDevTest));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_drive->message("hubTierMessage").isEmpty(); }, 10000)) << str(m_drive->message("hubTierMessage"));
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
    ASSERT_TRUE(m_drive->next());
    EXPECT_EQ(m_controller->plan().hubSku, QStringLiteral("F1"));
    EXPECT_EQ(m_controller->plan().hubSubscriptionId, Demo::kDevTest);
    // And back in the DPS's subscription, its free hub is taken again.
    m_wizard->back();
    ASSERT_TRUE(m_drive->pick("hubSubscriptionCombo", Demo::kProduction));
    ASSERT_TRUE(m_drive->waitMessage("hubTierMessage", Status::Error));
    EXPECT_TRUE(m_drive->message("hubTierMessage").contains(QLatin1String("contoso-free-hub"))) << str(m_drive->message("hubTierMessage"));
    EXPECT_FALSE(m_drive->canGoOn());
}

namespace {
bool stepIs(QTreeWidget *steps, Setup::StepId id, const char *state)
{
    for (int i = 0; i < steps->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = steps->topLevelItem(i);
        if (item->data(0, Qt::UserRole).toInt() == int(id))
            return item->data(1, Qt::UserRole).toString() == QLatin1String(state);
    }
    return false;
}
} // namespace

TEST_F(WizardTest, AFailedOperationIsShownOnApplyWithItsFix)
{
    startSandbox();
    // Azure accepts the DPS, then its creation fails.
    failLro(QStringLiteral("PUT"), QStringLiteral("provisioningServices/wiz-dps"));
    openWizard();
    walkToReview(Plan());
    ASSERT_TRUE(m_drive->next());
    ASSERT_EQ(page(), SetupWizard::Apply);
    Ui::MessageBanner *banner = m_drive->banner("applyBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Error; }, 20000));
    m_drive->shot("apply-failed");
    EXPECT_FALSE(m_drive->canGoOn());
    auto *steps = m_drive->find<QTreeWidget>("stepList");
    EXPECT_TRUE(stepIs(steps, Setup::StepId::Dps, "failed"));
    EXPECT_TRUE(stepIs(steps, Setup::StepId::Hub, "succeeded"));
    EXPECT_TRUE(stepIs(steps, Setup::StepId::Link, "blocked"));
    // What Azure said, what to do, and the details for support.
    EXPECT_TRUE(banner->text().contains(QLatin1String("wiz-dps"))) << str(banner->text());
    EXPECT_TRUE(banner->text().contains(QLatin1String("What to do"))) << str(banner->text());
    EXPECT_FALSE(banner->details().isEmpty());
    QTest::mouseClick(banner->copyDetailsButton(), Qt::LeftButton);
    EXPECT_EQ(QApplication::clipboard()->text(), banner->details());
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("retryButton"));
    ASSERT_NE(retry, nullptr);

    // Retry: the DPS is now in Azure in a failed state, which only deleting it mends; the page offers that.
    QTest::mouseClick(retry, Qt::LeftButton);
    QPushButton *remove = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (remove = banner->findChild<QPushButton *>(QStringLiteral("deleteFailedButton"))) != nullptr; }, 20000))
        << str(banner->text());
    EXPECT_TRUE(banner->text().contains(QLatin1String("last operation failed"))) << str(banner->text());
    m_drive->shot("apply-delete-failed");
    QStringList asked;
    m_wizard->setConfirmAnswer([&](const QString &text) {
        asked << text;
        return true;
    });
    QTest::mouseClick(remove, Qt::LeftButton);
    EXPECT_EQ(asked.size(), 1); // a destructive action is confirmed first
    ASSERT_TRUE(m_drive->waitCanGoOn(30000)) << str(banner->text());
    ASSERT_TRUE(m_drive->next());
    EXPECT_EQ(page(), SetupWizard::Done);
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.method == QLatin1String("DELETE") && e.path.endsWith(QLatin1String("/provisioningServices/wiz-dps")); }), 1)
        << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("wiz-dps")) && e.status == 201; }), 2) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("wiz-hub")); }), 1) << str(log.dump());
}

TEST_F(WizardTest, TheNextStartOffersToDeleteAResourceLeftFailed)
{
    startSandbox();
    failLro(QStringLiteral("PUT"), QStringLiteral("IotHubs/wiz-hub"));
    openWizard();
    walkToReview(Plan());
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_drive->banner("applyBanner")->status() == Status::Error; }, 20000));
    m_wizard->close();

    // The next start: Review finds the failed hub and offers to delete it (after asking).
    openWizard();
    for (int i = 0; i < 6; ++i)
        ASSERT_TRUE(m_drive->next()) << "page " << page();
    ASSERT_EQ(page(), SetupWizard::Review);
    auto *checks = m_drive->find<QWidget>("checkList");
    QPushButton *fix = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (fix = checks->findChild<QPushButton *>(QStringLiteral("fix-hub-failed"))) != nullptr; }, 10000));
    int asked = 0;
    m_wizard->setConfirmAnswer([&](const QString &) { return ++asked, false; });
    QTest::mouseClick(fix, Qt::LeftButton);
    EXPECT_EQ(asked, 1);
    EXPECT_EQ(fetchRequestLog(*m_sandbox).count([](const LoggedRequest &e) { return e.method == QLatin1String("DELETE"); }), 0);
    m_wizard->setConfirmAnswer([&](const QString &) { return ++asked, true; });
    QTest::mouseClick(fix, Qt::LeftButton);
    ASSERT_TRUE(m_drive->waitCanGoOn(20000));
    applyToDone();
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.method == QLatin1String("DELETE") && e.path.endsWith(QLatin1String("/IotHubs/wiz-hub")); }), 1)
        << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("wiz-dps")) && e.status == 201; }), 1) << str(log.dump());
}

TEST_F(WizardTest, RetryAfterAFailedStepResumesTheRun)
{
    startSandbox();
    // The DPS's PUT is refused once (a conflict the retry policy does not retry).
    injectFault({{QStringLiteral("method"), QStringLiteral("PUT")},
                 {QStringLiteral("path"), QStringLiteral("provisioningServices/wiz-dps$")},
                 {QStringLiteral("status"), 409},
                 {QStringLiteral("code"), QStringLiteral("Conflict")},
                 {QStringLiteral("message"), QStringLiteral("Another operation is in progress.")},
                 {QStringLiteral("count"), 1}});
    openWizard();
    walkToReview(Plan());
    ASSERT_TRUE(m_drive->next());
    Ui::MessageBanner *banner = m_drive->banner("applyBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Error; }, 20000));
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("retryButton"));
    ASSERT_NE(retry, nullptr);
    QTest::mouseClick(retry, Qt::LeftButton);
    ASSERT_TRUE(m_drive->waitCanGoOn(30000)) << str(banner->text());
    ASSERT_TRUE(m_drive->next());
    EXPECT_EQ(page(), SetupWizard::Done);
    // The retry resumed: the hub created by the first attempt was not created again.
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("wiz-hub")); }), 1) << str(log.dump());
    EXPECT_FALSE(m_controller->result()->idScope.isEmpty());
}

TEST_F(WizardTest, ClosingDuringApplyAsksStopsAndTheNextStartResumes)
{
    startSandbox(QStringLiteral("1.5,3,0.3"));
    openWizard();
    walkToReview(Plan());
    ASSERT_TRUE(m_drive->next());
    ASSERT_EQ(page(), SetupWizard::Apply);
    ASSERT_TRUE(QTest::qWaitFor([&] { return fetchRequestLog(*m_sandbox).count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("wiz-hub")); }) == 1; }, 10000));

    // "Keep running" leaves everything as it is.
    int asked = 0;
    m_wizard->setCloseAnswer([&] {
        ++asked;
        return false;
    });
    m_wizard->close();
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(m_wizard->isVisible());
    EXPECT_TRUE(m_controller->isApplying());
    // "Stop and close".
    m_wizard->setCloseAnswer([&] {
        ++asked;
        return true;
    });
    m_wizard->close();
    EXPECT_EQ(asked, 2);
    EXPECT_FALSE(m_wizard->isVisible());
    EXPECT_FALSE(m_controller->isApplying());

    // The next start: remembered choices, a note that the run resumes, and nothing created twice.
    openWizard();
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(m_drive->next()); // subscription, group and region as remembered
    ASSERT_EQ(page(), SetupWizard::Dps);
    EXPECT_EQ(m_drive->find<QLineEdit>("dpsNameEdit")->text(), QStringLiteral("wiz-dps"));
    ASSERT_TRUE(m_drive->waitMessage("dpsNameMessage", Status::Ok)) << str(m_drive->message("dpsNameMessage"));
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(m_drive->waitMessage("hubNameMessage", Status::Ok)) << str(m_drive->message("hubNameMessage"));
    EXPECT_TRUE(m_drive->message("hubNameMessage").contains(QLatin1String("already exists"))) << str(m_drive->message("hubNameMessage"));
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(m_drive->next());
    ASSERT_EQ(page(), SetupWizard::Review);
    EXPECT_TRUE(m_drive->banner("reviewBanner")->text().contains(QLatin1String("continues"))) << str(m_drive->banner("reviewBanner")->text());
    m_drive->shot("review-resume");
    applyToDone();
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("wiz-hub")); }), 1) << str(log.dump());
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isDpsPut(QStringLiteral("wiz-dps")) && e.status == 201; }), 1) << str(log.dump());
}

TEST_F(WizardTest, ClosingTheMainWindowDuringApplyAsksFirst)
{
    startSandbox(QStringLiteral("2,3,0.3"));
    openWizard();
    MainWindow window;
    SetupWizard *wizard = m_wizard.release();
    window.setWizard(wizard); // the window owns it now
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_EQ(window.centralWidget(), wizard);
    // The platform appends the display name to a title that doesn't end with it: the app is named once.
    EXPECT_EQ(window.windowTitle(), QStringLiteral("Local sandbox — DPS Setup"));
    EXPECT_TRUE(window.windowTitle().endsWith(QGuiApplication::applicationDisplayName()));
    EXPECT_EQ(window.windowTitle().count(QStringLiteral("DPS Setup")), 1);
    walkToReview(Plan());
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(m_controller->isApplying());
    int asked = 0;
    wizard->setCloseAnswer([&] { return ++asked, false; });
    window.close();
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(window.isVisible());
    EXPECT_TRUE(m_controller->isApplying());
    wizard->setCloseAnswer([&] { return ++asked, true; });
    window.close();
    EXPECT_EQ(asked, 2);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !window.isVisible(); }, 2000));
    EXPECT_FALSE(m_controller->isApplying());
    // Remembered for the next start.
    SetupController next(nullptr, nullptr, m_dir.filePath(QStringLiteral("runs")));
    next.setSettingsFile(m_dir.filePath(QStringLiteral("settings.ini")));
    ASSERT_TRUE(next.restoreChoices());
    EXPECT_EQ(next.plan().dpsName, QStringLiteral("wiz-dps"));
    EXPECT_TRUE(next.hasUnfinishedRun());
    m_drive.reset();
}

TEST_F(WizardTest, TryItWithoutAnAccountStartsTheSandbox)
{
    startSandbox();
    openWizard(false);
    int started = 0;
    m_controller->setSandboxStarter([&](QJsonObject *info, QString *) {
        ++started;
        *info = m_sandbox->info();
        return true;
    });
    m_wizard->restart();
    EXPECT_FALSE(m_drive->canGoOn());
    m_drive->shot("sign-in");
    m_drive->click("trySandboxButton");
    ASSERT_TRUE(m_drive->waitCanGoOn());
    EXPECT_EQ(started, 1);
    EXPECT_TRUE(m_controller->isSandbox());
    EXPECT_TRUE(m_drive->find<QLabel>("signInStatus")->text().contains(QLatin1String("sandbox")));
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(m_drive->pick("subscriptionCombo", Demo::kProduction));
}

TEST_F(WizardTest, SignInWithTheBrowserListsTenantsAndTheirState)
{
    startSandbox();
    // Fabrikam asks for MFA: its subscription can't be listed silently.
    HttpClient http(m_sandbox.get());
    ASSERT_EQ(http.postJson(adminUrl(*m_sandbox, QStringLiteral("tenants/") + m_sandbox->tenantId(1)),
                            QJsonObject{{QStringLiteral("requireMfa"), true}})
                  .status,
              200);
    Secrets::MemorySecretStore secrets;
    Identity::AccountManager accounts(std::make_shared<Identity::AccountStore>(m_dir.filePath(QStringLiteral("accounts.ini"))), &secrets);
    FetchingBrowser browser;
    accounts.setUrlOpener(browser.opener());
    m_drive.reset();
    m_wizard.reset();
    m_controller = std::make_unique<SetupController>(nullptr, &accounts, m_dir.filePath(QStringLiteral("runs")));
    m_controller->setSettingsFile(m_dir.filePath(QStringLiteral("settings.ini")));
    m_controller->setSandboxStarter([&](QJsonObject *info, QString *) {
        *info = m_sandbox->info();
        return true;
    });
    m_controller->useSandbox(m_sandbox->info()); // the sandbox is known, so "Local sandbox" is offered as a cloud
    m_wizard = std::make_unique<SetupWizard>(*m_controller);
    m_wizard->show();
    m_current = m_wizard.get();
    m_drive = std::make_unique<WizardDriver>(*m_wizard);
    ASSERT_TRUE(m_drive->pick("cloudCombo", QStringLiteral("Local sandbox")));
    m_drive->click("browserRadio");
    m_drive->click("signInButton");
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_controller->identityLabel().contains(QLatin1String("alex@contoso.example")); }, 15000))
        << str(m_drive->find<QLabel>("signInProgress")->text());
    EXPECT_EQ(browser.launches, 1);
    // The sign-in page lists the account's tenants with their state.
    auto *tenants = m_drive->find<QListWidget>("tenantList");
    ASSERT_TRUE(QTest::qWaitFor([&] { return tenants->count() == 2; }, 10000));
    QStringList states;
    for (int i = 0; i < tenants->count(); ++i)
        states << tenants->item(i)->data(Qt::UserRole).toString() + QLatin1Char(':') + tenants->item(i)->text();
    states.sort();
    EXPECT_TRUE(states.join(QLatin1Char('|')).contains(QLatin1String("needs-sign-in:Fabrikam"))) << str(states.join(QLatin1Char('|')));
    EXPECT_TRUE(states.join(QLatin1Char('|')).contains(QLatin1String("ready:Contoso"))) << str(states.join(QLatin1Char('|')));
    m_drive->shot("signed-in-tenants");
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(m_drive->pick("subscriptionCombo", Demo::kProduction));
    auto *note = m_drive->find<Ui::MessageBanner>("tenantBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return note->isVisible(); }, 10000));
    EXPECT_TRUE(note->text().contains(QLatin1String("Fabrikam"))) << str(note->text());
    auto *combo = m_drive->find<QComboBox>("subscriptionCombo");
    const QString fabrikamSubscription = QStringLiteral("9d4e7b10-0000-4000-8000-000000000003");
    EXPECT_LT(combo->findData(fabrikamSubscription), 0);
    // The tenants were listed once: the subscription page took the sign-in page's listing.
    EXPECT_EQ(fetchRequestLog(*m_sandbox).count([](const LoggedRequest &e) { return e.method == QLatin1String("GET") && e.path == QLatin1String("/tenants"); }), 1)
        << str(fetchRequestLog(*m_sandbox).dump());
    m_drive->shot("tenant-needs-sign-in");
    // Signing in to that tenant (MFA done in the browser) lists its subscription too.
    auto *signInTenant = note->findChild<QPushButton *>(QStringLiteral("signInTenant-") + m_sandbox->tenantId(1));
    ASSERT_NE(signInTenant, nullptr);
    QTest::mouseClick(signInTenant, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return combo->findData(fabrikamSubscription) >= 0; }, 15000)) << str(note->text());
    EXPECT_EQ(browser.launches, 2);
    EXPECT_TRUE(browser.lastUrl.path().contains(m_sandbox->tenantId(1))) << str(browser.lastUrl.toString());
    EXPECT_FALSE(note->isVisible()) << str(note->text());
    // The account is remembered once (without its token, which is in the secret store).
    EXPECT_EQ(accounts.accounts().size(), 1);
    m_drive.reset();
    m_wizard.reset();
    m_controller.reset();
}

class SignInPageTest : public WizardTest
{
protected:
    // A start of the app: the accounts of the test's store and keychain, a controller whose "Try it"
    // starts the test's sandbox, the wizard on its first page. `knowsTheSandbox`: the sandbox is a
    // cloud to pick already (nobody signed in).
    void openOnTheSignInPage(bool knowsTheSandbox)
    {
        m_drive.reset();
        m_wizard.reset();
        m_controller.reset();
        m_accounts = std::make_unique<Identity::AccountManager>(
            std::make_shared<Identity::AccountStore>(m_dir.filePath(QStringLiteral("accounts.ini"))), &m_secrets);
        m_accounts->setUrlOpener(m_browser.opener());
        m_controller = std::make_unique<SetupController>(nullptr, m_accounts.get(), m_dir.filePath(QStringLiteral("runs")));
        m_controller->setSettingsFile(m_dir.filePath(QStringLiteral("settings.ini")));
        m_controller->setSandboxStarter([this](QJsonObject *info, QString *) {
            *info = m_sandbox->info();
            return true;
        });
        if (knowsTheSandbox) {
            m_controller->useSandbox(m_sandbox->info());
            m_controller->signOut();
        }
        m_wizard = std::make_unique<SetupWizard>(*m_controller);
        m_wizard->show();
        m_current = m_wizard.get();
        m_drive = std::make_unique<WizardDriver>(*m_wizard);
    }
    void openSignedOut()
    {
        openOnTheSignInPage(true);
        ASSERT_FALSE(m_drive->canGoOn());
        ASSERT_TRUE(m_drive->pick("cloudCombo", QStringLiteral("Local sandbox")));
    }
    void TearDown() override
    {
        WizardTest::TearDown();
        m_accounts.reset();
    }

    Secrets::MemorySecretStore m_secrets;
    FetchingBrowser m_browser;
    std::unique_ptr<Identity::AccountManager> m_accounts;
};

TEST_F(SignInPageTest, DeviceCodeShowsTheCodeWithACopyButton)
{
    startSandbox();
    openSignedOut();
    m_drive->click("deviceCodeRadio");
    m_drive->click("signInButton");
    auto *code = m_drive->find<Ui::CopyField>("deviceCodeField");
    ASSERT_TRUE(QTest::qWaitFor([&] { return code->isVisible() && !code->value().isEmpty(); }, 10000));
    EXPECT_TRUE(m_drive->find<QLabel>("signInProgress")->text().contains(QLatin1String("devicelogin")));
    EXPECT_TRUE(m_drive->find<QPushButton>("cancelSignInButton")->isVisible());
    m_drive->shot("device-code");
    QTest::mouseClick(code->copyButton(), Qt::LeftButton);
    EXPECT_EQ(QApplication::clipboard()->text(), code->value());
    // The person enters the code on "another device".
    HttpClient client(m_sandbox.get());
    client.postForm(m_sandbox->baseUrl().resolved(QUrl(QStringLiteral("devicelogin"))),
                    {{QStringLiteral("user_code"), code->value()},
                     {QStringLiteral("username"), QStringLiteral("alex@contoso.example")},
                     {QStringLiteral("action"), QStringLiteral("approve")}});
    ASSERT_TRUE(m_drive->waitCanGoOn(20000)) << str(m_drive->find<Ui::MessageBanner>("signInBanner")->text());
    EXPECT_TRUE(m_controller->identityLabel().contains(QLatin1String("alex@contoso.example")));
    EXPECT_FALSE(code->isVisible());
    EXPECT_EQ(m_browser.launches, 0);
}

TEST_F(SignInPageTest, ServicePrincipalFromTheFormAndTheSecretLeavesTheField)
{
    startSandbox();
    openSignedOut();
    m_drive->click("servicePrincipalRadio");
    // All three are needed; the page says so instead of trying.
    m_drive->click("signInButton");
    EXPECT_EQ(m_drive->messageStatus("signInFormMessage"), Status::Error);
    const QJsonObject sp = m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject();
    m_drive->type("tenantEdit", sp.value(QStringLiteral("tenantId")).toString());
    m_drive->type("clientIdEdit", sp.value(QStringLiteral("clientId")).toString());
    m_drive->type("secretEdit", sp.value(QStringLiteral("clientSecret")).toString());
    m_drive->click("signInButton");
    ASSERT_TRUE(m_drive->waitCanGoOn(15000));
    EXPECT_TRUE(m_drive->find<QLineEdit>("secretEdit")->text().isEmpty());
    // The secret is in the secret store, and the account is remembered without it.
    ASSERT_EQ(m_accounts->accounts().size(), 1);
    EXPECT_TRUE(m_secrets.contains(m_accounts->accounts().first().secretKey()));
    QFile accountsFile(m_dir.filePath(QStringLiteral("accounts.ini")));
    ASSERT_TRUE(accountsFile.open(QIODevice::ReadOnly));
    EXPECT_FALSE(accountsFile.readAll().contains(sp.value(QStringLiteral("clientSecret")).toString().toUtf8()));
    // A wrong secret is refused with Entra's reason, inline.
    m_drive->type("secretEdit", QStringLiteral("not-the-secret"));
    m_drive->click("signInButton");
    auto *banner = m_drive->find<Ui::MessageBanner>("signInBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Error; }, 15000));
    EXPECT_FALSE(banner->text().isEmpty());
}

TEST_F(SignInPageTest, AzureCliLoginFromThePathAndAClearMessageWithoutIt)
{
    startSandbox();
    openSignedOut();
    // No `az` on the PATH: the page says so.
    const QByteArray oldPath = qgetenv("PATH");
    const QString bin = m_dir.filePath(QStringLiteral("bin"));
    QDir().mkpath(bin);
    qputenv("PATH", (bin + QStringLiteral(":/usr/bin:/bin")).toUtf8());
    m_drive->click("azureCliRadio");
    m_drive->click("signInButton");
    auto *banner = m_drive->find<Ui::MessageBanner>("signInBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Error; }, 10000));
    EXPECT_TRUE(banner->text().contains(QLatin1String("Azure CLI"))) << str(banner->text());

    // A stand-in for `az account get-access-token` on the PATH: a token the sandbox mints for alex.
    QFile f(QDir(bin).filePath(QStringLiteral("az")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QStringLiteral("#!/bin/sh\n"
                           "tenant=%1\n"
                           "while [ $# -gt 0 ]; do case \"$1\" in --tenant) tenant=\"$2\"; shift;; esac; shift; done\n"
                           "token=$(curl -s -X POST -H 'Content-Type: application/json' "
                           "-d \"{\\\"username\\\":\\\"alex@contoso.example\\\",\\\"tenantId\\\":\\\"$tenant\\\"}\" %2 "
                           "| sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n"
                           "printf '{\"accessToken\":\"%s\",\"expires_on\":%s,\"tenant\":\"%s\",\"tokenType\":\"Bearer\"}\\n' "
                           "\"$token\" $(( $(date +%s) + 3600 )) \"$tenant\"\n")
                .arg(m_sandbox->tenantId(0), adminUrl(*m_sandbox, QStringLiteral("tokens")).toString())
                .toUtf8());
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    m_drive->click("signInButton");
    const bool signedIn = m_drive->waitCanGoOn(15000);
    qputenv("PATH", oldPath);
    ASSERT_TRUE(signedIn) << str(banner->text());
    EXPECT_TRUE(m_controller->identityLabel().contains(QLatin1String("alex@contoso.example")));
    // Nothing secret to keep: the az login is the Azure CLI's own business.
    EXPECT_TRUE(m_secrets.keys().isEmpty());
}

TEST_F(SignInPageTest, ARememberedAccountIsUsedWithoutABrowser)
{
    startSandbox();
    openSignedOut();
    m_drive->click("signInButton"); // browser
    ASSERT_TRUE(m_drive->waitCanGoOn(15000));
    EXPECT_EQ(m_browser.launches, 1);
    // A new start: the account is listed and restored from its refresh token.
    m_drive.reset();
    m_wizard.reset();
    m_controller.reset();
    m_controller = std::make_unique<SetupController>(nullptr, m_accounts.get(), m_dir.filePath(QStringLiteral("runs")));
    m_wizard = std::make_unique<SetupWizard>(*m_controller);
    m_wizard->show();
    m_current = m_wizard.get();
    m_drive = std::make_unique<WizardDriver>(*m_wizard);
    auto *list = m_drive->find<QListWidget>("accountList");
    ASSERT_EQ(list->count(), 1);
    EXPECT_TRUE(list->item(0)->text().contains(QLatin1String("alex@contoso.example")));
    list->setCurrentRow(0);
    m_drive->click("useAccountButton");
    ASSERT_TRUE(m_drive->waitCanGoOn(15000));
    EXPECT_EQ(m_browser.launches, 1);
    EXPECT_TRUE(m_controller->isSignedIn());
}

TEST_F(WizardTest, AHubOfAnotherTenantThroughAPersonsAccount)
{
    startSandbox();
    Secrets::MemorySecretStore secrets;
    Identity::AccountManager accounts(std::make_shared<Identity::AccountStore>(m_dir.filePath(QStringLiteral("accounts.ini"))), &secrets);
    FetchingBrowser browser;
    accounts.setUrlOpener(browser.opener());
    m_controller = std::make_unique<SetupController>(nullptr, &accounts, m_dir.filePath(QStringLiteral("runs")));
    m_controller->setSettingsFile(m_dir.filePath(QStringLiteral("settings.ini")));
    m_controller->setNameCheckDelayMs(30);
    m_controller->setSandboxStarter([&](QJsonObject *info, QString *) {
        *info = m_sandbox->info();
        return true;
    });
    m_controller->startSandbox();
    m_wizard = std::make_unique<SetupWizard>(*m_controller);
    m_wizard->show();
    m_current = m_wizard.get();
    m_drive = std::make_unique<WizardDriver>(*m_wizard);
    ASSERT_TRUE(m_drive->pick("cloudCombo", QStringLiteral("Local sandbox")));
    m_drive->click("signInButton");
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_controller->identityLabel().contains(QLatin1String("alex@contoso.example")); }, 15000));

    // The DPS in Contoso's subscription, the hub in Fabrikam's (another tenant of the same person).
    const QString fabrikamSubscription = QStringLiteral("9d4e7b10-0000-4000-8000-000000000003");
    Plan p;
    p.dps = QStringLiteral("xtenant-dps");
    p.group = QStringLiteral("xtenant-rg");
    p.newHub = false;
    p.hub = QStringLiteral("fabrikam-hub-neu");
    p.hubSubscription = fabrikamSubscription;
    walkToReview(p);
    EXPECT_EQ(m_controller->plan().effectiveHubTenant(), m_sandbox->tenantId(1));
    applyToDone();
    EXPECT_EQ(m_drive->find<Ui::CopyField>("hubHostField")->value(), QStringLiteral("fabrikam-hub-neu.azure-devices.net"));
    const Arm::ProvisioningService dps = getDps(p.group, p.dps);
    ASSERT_EQ(dps.linkedHubs.size(), 1);
    EXPECT_EQ(dps.linkedHubs[0].hostName, QStringLiteral("fabrikam-hub-neu.azure-devices.net"));
    m_drive.reset();
    m_wizard.reset();
    m_controller.reset();
}

TEST_F(WizardTest, StopOnTheApplyPageStopsAndRetryFinishes)
{
    startSandbox(QStringLiteral("1,1.5,0.2"));
    openWizard();
    walkToReview(Plan());
    ASSERT_TRUE(m_drive->next());
    ASSERT_TRUE(QTest::qWaitFor([&] { return fetchRequestLog(*m_sandbox).count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("wiz-hub")); }) == 1; }, 10000));
    m_drive->click("stopButton");
    Ui::MessageBanner *banner = m_drive->banner("applyBanner");
    ASSERT_TRUE(QTest::qWaitFor([&] { return banner->status() == Status::Stopped; }, 10000)) << str(banner->text());
    EXPECT_FALSE(m_controller->isApplying());
    EXPECT_FALSE(m_drive->canGoOn());
    auto *retry = banner->findChild<QPushButton *>(QStringLiteral("retryButton"));
    ASSERT_NE(retry, nullptr);
    QTest::mouseClick(retry, Qt::LeftButton);
    ASSERT_TRUE(m_drive->waitCanGoOn(30000)) << str(banner->text());
    const RequestLog log = fetchRequestLog(*m_sandbox);
    EXPECT_EQ(log.count([](const LoggedRequest &e) { return e.isHubPut(QStringLiteral("wiz-hub")); }), 1) << str(log.dump());
}

TEST_F(WizardTest, EveryControlHasAnAccessibleNameAndLabelsHaveMnemonics)
{
    startSandbox();
    openWizard();
    for (int id : m_wizard->pageIds()) {
        QWizardPage *page = m_wizard->page(id);
        for (QWidget *w : page->findChildren<QWidget *>()) {
            const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
                                 || qobject_cast<QTreeWidget *>(w) || qobject_cast<QListWidget *>(w)
                                 || (qobject_cast<QLineEdit *>(w) && !qobject_cast<QAbstractSpinBox *>(w->parentWidget())
                                     && !qobject_cast<QComboBox *>(w->parentWidget()));
            if (!control)
                continue;
            const auto *button = qobject_cast<QAbstractButton *>(w);
            const bool named = !w->accessibleName().isEmpty() || (button && !button->text().isEmpty());
            EXPECT_TRUE(named) << page->objectName().toStdString() << ": " << w->metaObject()->className() << " "
                               << w->objectName().toStdString();
        }
        for (QLabel *label : page->findChildren<QLabel *>()) {
            if (label->buddy()) {
                EXPECT_TRUE(label->text().contains(QLatin1Char('&'))) << str(label->text());
            }
        }
    }
}

TEST_F(WizardTest, NoTwoControlsOfAPageShareAMnemonic)
{
    startSandbox();
    openWizard();
    auto mnemonic = [](const QString &text) {
        const int i = text.indexOf(QLatin1Char('&'));
        return i >= 0 && i + 1 < text.size() ? text.at(i + 1).toLower() : QChar();
    };
    for (int id : m_wizard->pageIds()) {
        QWizardPage *page = m_wizard->page(id);
        QHash<QChar, QString> seen;
        QStringList texts;
        for (QAbstractButton *b : page->findChildren<QAbstractButton *>()) {
            // Banner buttons come and go with their message (two banners rarely speak at once).
            if (!qobject_cast<Ui::MessageBanner *>(b->parentWidget()))
                texts << b->text();
        }
        for (QLabel *label : page->findChildren<QLabel *>()) {
            if (label->buddy())
                texts << label->text();
        }
        // The wizard's own buttons on that page.
        texts << m_wizard->buttonText(QWizard::BackButton)
              << (page->isCommitPage() ? page->buttonText(QWizard::CommitButton) : m_wizard->buttonText(QWizard::NextButton));
        for (const QString &text : std::as_const(texts)) {
            const QChar key = mnemonic(text);
            if (key.isNull())
                continue;
            EXPECT_FALSE(seen.contains(key)) << page->objectName().toStdString() << ": '" << str(text) << "' and '"
                                             << str(seen.value(key)) << "' share Alt+" << QString(key).toStdString();
            seen.insert(key, text);
        }
    }
}

TEST_F(WizardTest, KeyboardOnlyReachesTheDpsPage)
{
    startSandbox();
    openWizard();
    QApplication::setActiveWindow(m_wizard.get());
    // Enter is the default button (Next) on every page.
    ASSERT_TRUE(m_drive->waitCanGoOn());
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_wizard.get(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page() == SetupWizard::Subscription; }, 2000));
    ASSERT_TRUE(m_drive->pick("subscriptionCombo", Demo::kProduction));
    ASSERT_TRUE(m_drive->pick("regionCombo", QStringLiteral("westeurope")));
    // Alt+A ("N&ame") jumps to the resource group name.
    QTest::keyClick(m_wizard.get(), Qt::Key_A, Qt::AltModifier);
    EXPECT_EQ(QApplication::focusWidget(), m_drive->find<QLineEdit>("groupNameEdit"));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("kbd-rg"));
    ASSERT_TRUE(m_drive->waitCanGoOn());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    ASSERT_TRUE(QTest::qWaitFor([&] { return page() == SetupWizard::Dps; }, 2000));
    EXPECT_EQ(m_controller->plan().resourceGroup, QStringLiteral("kbd-rg"));
}

// The composition root: `dps-setup --sandbox` starts its embedded sandbox and shows the wizard; a bad
// --sandbox-info is refused with a message and a non-zero exit.
TEST(App, StartsWithTheSandboxAndRefusesABadSandboxInfo)
{
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("DPS_SETUP_DATA_DIR"), home.filePath(QStringLiteral("dps")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("DPS_SETUP_EXIT_WHEN_SHOWN"), QStringLiteral("1"));
    env.insert(QStringLiteral("DPS_SETUP_REPORT_SHOWN"), QStringLiteral("1"));
    QProcess app;
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(DPS_SETUP_PATH), {QStringLiteral("--sandbox")});
    ASSERT_TRUE(app.waitForFinished(30000));
    EXPECT_EQ(app.exitCode(), 0) << app.readAllStandardError().toStdString();
    EXPECT_TRUE(app.readAllStandardError().contains("dps-setup: shown"));

    app.start(QStringLiteral(DPS_SETUP_PATH), {QStringLiteral("--sandbox-info"), home.filePath(QStringLiteral("missing.json"))});
    ASSERT_TRUE(app.waitForFinished(30000));
    EXPECT_NE(app.exitCode(), 0);
    EXPECT_TRUE(app.readAllStandardError().contains("Cannot read the sandbox info file"));
}

TEST(WizardColors, StatusTextKeepsContrastOnLightAndDarkPalettes)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    auto contrast = [&](const QColor &a, const QColor &b) {
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    };
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::WindowText, Qt::black);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    for (const QPalette &p : {light, dark}) {
        for (Status s : {Status::Ok, Status::Warning, Status::Error, Status::Info}) {
            EXPECT_GE(contrast(Ui::statusTextColor(s, p), p.color(QPalette::Window)), 4.5)
                << "status " << int(s) << " on " << (Ui::isDarkPalette(p) ? "dark" : "light");
        }
    }
    EXPECT_FALSE(Ui::isDarkPalette(light));
    EXPECT_TRUE(Ui::isDarkPalette(dark));
}

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setQuitOnLastWindowClosed(false);
    // Screenshot variants (scripts/screenshots.sh): a dark palette, and the German catalogue.
    if (qEnvironmentVariable("DPS_SCREENSHOT_PALETTE") == QLatin1String("dark")) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x2f, 0x74, 0xd0));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3a));
        dark.setColor(QPalette::ToolTipText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Disabled, QPalette::Text, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x80, 0x80, 0x80));
        dark.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x80, 0x80, 0x80));
        QApplication::setPalette(dark);
    }
    // The app's catalogue, as the app loads it (English gives the plural forms); DPS_SCREENSHOT_LANG another.
    Dps::Translator translator;
    translator.install(qEnvironmentVariableIsEmpty("DPS_SCREENSHOT_LANG") ? QLocale(QLocale::English)
                                                                          : QLocale(qEnvironmentVariable("DPS_SCREENSHOT_LANG")));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}

// ---- the next start (issue 9): remembered state meets a changed world ------------------------------

namespace {
void rememberPlan(const QString &settingsFile, const QString &subscriptionId)
{
    Setup::PlanInput p;
    p.subscriptionId = subscriptionId;
    p.resourceGroup = QStringLiteral("remembered-rg");
    p.location = QStringLiteral("westeurope");
    p.dpsName = QStringLiteral("remembered-dps");
    p.hubName = QStringLiteral("remembered-hub");
    p.hubSku = QStringLiteral("F1"); // the free tier's check asked for hubs before the sign-in (the crash)
    QSettings settings(settingsFile, QSettings::IniFormat);
    settings.setValue(QStringLiteral("wizard/lastPlan"), QString::fromUtf8(QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact)));
}
} // namespace

TEST_F(WizardTest, ARememberedPlanAsksAzureNothingBeforeTheSignIn)
{
    startSandbox();
    rememberPlan(m_dir.filePath(QStringLiteral("settings.ini")), Demo::kProduction);
    clearRequestLog(*m_sandbox);
    openWizard(false);
    ASSERT_EQ(page(), SetupWizard::SignIn);
    QTest::qWait(300);
    EXPECT_TRUE(fetchRequestLog(*m_sandbox).entries.isEmpty()) << str(fetchRequestLog(*m_sandbox).dump());
    // Signing in now goes on with the remembered choices.
    m_controller->useSandbox(m_sandbox->info());
    ASSERT_TRUE(m_drive->waitCanGoOn());
    ASSERT_TRUE(m_drive->next("sign-in"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_drive->find<QComboBox>("subscriptionCombo")->currentData().toString() == Demo::kProduction; }, 10000));
}

TEST_F(WizardTest, ARememberedSubscriptionThatIsGoneIsSaidAndAnotherOffered)
{
    startSandbox();
    rememberPlan(m_dir.filePath(QStringLiteral("settings.ini")), QStringLiteral("1f0c2a6e-0000-4000-8000-0000000000ff"));
    openWizard();
    ASSERT_TRUE(m_drive->next("sign-in"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_drive->message("subscriptionMessage").contains(QLatin1String("is not listed any more")); }, 10000))
        << str(m_drive->message("subscriptionMessage"));
    EXPECT_TRUE(m_drive->message("subscriptionMessage").contains(QLatin1String("1f0c2a6e-0000-4000-8000-0000000000ff")));
    EXPECT_FALSE(m_drive->find<QComboBox>("subscriptionCombo")->currentData().toString().isEmpty());
}

TEST_F(WizardTest, ARememberedSubscriptionThatWasDisabledSaysSoAndBlocksNext)
{
    startSandbox();
    ASSERT_EQ(changeSubscription(*m_sandbox, Demo::kProduction, QJsonObject{{QStringLiteral("state"), QStringLiteral("Disabled")}}), 200);
    rememberPlan(m_dir.filePath(QStringLiteral("settings.ini")), Demo::kProduction);
    openWizard();
    ASSERT_TRUE(m_drive->next("sign-in"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_drive->message("subscriptionMessage").contains(QLatin1String("nothing can be created")); }, 10000))
        << str(m_drive->message("subscriptionMessage"));
    EXPECT_EQ(m_drive->find<QComboBox>("subscriptionCombo")->currentData().toString(), Demo::kProduction);
    EXPECT_FALSE(m_drive->canGoOn());
}

TEST_F(SignInPageTest, ARememberedAccountWhoseSignInWasRevokedAsksForANewSignIn)
{
    startSandbox();
    openSignedOut();
    m_drive->click("signInButton"); // browser
    ASSERT_TRUE(m_drive->waitCanGoOn(15000));
    HttpClient admin(m_sandbox.get());
    ASSERT_EQ(admin.postJson(adminUrl(*m_sandbox, QStringLiteral("refresh-tokens/revoke")),
                             QJsonObject{{QStringLiteral("username"), QStringLiteral("alex@contoso.example")}})
                  .status,
              200);
    // The next start (a new process: nothing cached but the keychain): the account is listed; using it
    // says what to do instead of failing silently.
    openOnTheSignInPage(false);
    auto *list = m_drive->find<QListWidget>("accountList");
    ASSERT_EQ(list->count(), 1);
    EXPECT_EQ(list->currentRow(), 0) << "the account used last is chosen already";
    m_drive->click("useAccountButton");
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_drive->banner("signInBanner")->isVisible(); }, 15000));
    const QString text = m_drive->banner("signInBanner")->text();
    EXPECT_TRUE(text.contains(QLatin1String("sign in again"), Qt::CaseInsensitive)) << str(text);
    EXPECT_FALSE(m_controller->isSignedIn());
    EXPECT_FALSE(m_drive->canGoOn());
    EXPECT_EQ(m_browser.launches, 1) << "nothing opened a browser by itself";
}

// ---- the walkthrough of issue 9 -------------------------------------------------------------------

TEST_F(WizardTest, EscOnAHalfFilledWizardAsksFirst)
{
    startSandbox();
    openWizard();
    int asked = 0;
    bool answer = false;
    QString question;
    m_wizard->setConfirmAnswer([&](const QString &text) {
        ++asked;
        question = text;
        return answer;
    });
    // Past the sign-in the person has started filling in the setup.
    ASSERT_TRUE(m_drive->next("sign-in"));
    ASSERT_EQ(page(), SetupWizard::Subscription);
    QApplication::setActiveWindow(m_wizard.get());
    QTest::keyClick(m_wizard.get(), Qt::Key_Escape);
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(question.contains(QLatin1String("not finished"))) << str(question);
    EXPECT_TRUE(m_wizard->isVisible()) << "keep working: the wizard stays";
    answer = true;
    m_wizard->button(QWizard::CancelButton)->click(); // Cancel asks the same
    EXPECT_EQ(asked, 2);
    EXPECT_FALSE(m_wizard->isVisible());
    EXPECT_EQ(m_wizard->result(), QDialog::Rejected);
}

TEST_F(WizardTest, ClosingTheWindowOfAHalfFilledWizardAsksLikeEsc)
{
    startSandbox();
    openWizard();
    MainWindow window;
    SetupWizard *wizard = m_wizard.release();
    window.setWizard(wizard);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    m_current = wizard;
    m_drive = std::make_unique<WizardDriver>(*wizard);
    int asked = 0;
    wizard->setConfirmAnswer([&](const QString &) { return ++asked, false; });
    ASSERT_TRUE(m_drive->next("sign-in"));
    EXPECT_FALSE(window.close());
    EXPECT_EQ(asked, 1);
    EXPECT_TRUE(window.isVisible());
    wizard->setConfirmAnswer([&](const QString &) { return ++asked, true; });
    window.close();
    EXPECT_EQ(asked, 2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.isVisible(); }, 2000));
}

TEST_F(WizardTest, TooLongNamesAreSaidNotCut)
{
    startSandbox();
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next("sign-in"));
    subscriptionPage(p);
    const QString name = QStringLiteral("a%1z").arg(QString(55, QLatin1Char('b'))); // 57 characters
    // The whole name stays in the field, and the message beside it says why it can't be used.
    auto typeTooLong = [&](const char *radio, const char *edit, const char *message) {
        m_drive->click(radio);
        m_drive->type(edit, name);
        EXPECT_EQ(m_drive->find<QLineEdit>(edit)->text(), name);
        ASSERT_TRUE(m_drive->waitMessage(message, Status::Error)) << str(m_drive->message(message));
        EXPECT_TRUE(m_drive->message(message).contains(QLatin1String("57 characters"))) << str(m_drive->message(message));
        EXPECT_TRUE(m_drive->message(message).contains(QLatin1String("at most 50"))) << str(m_drive->message(message));
        EXPECT_FALSE(m_drive->canGoOn());
    };
    typeTooLong("newDpsRadio", "dpsNameEdit", "dpsNameMessage");
    dpsPage(p);
    typeTooLong("newHubRadio", "hubNameEdit", "hubNameMessage");
}

TEST_F(WizardTest, FieldMessagesKeepTheirLineSoFieldsDoNotMove)
{
    startSandbox();
    openWizard();
    Plan p;
    ASSERT_TRUE(m_drive->next("sign-in"));
    subscriptionPage(p);
    m_drive->click("newDpsRadio");
    auto *below = m_drive->find<QWidget>("dpsTierCombo");
    ASSERT_NE(below, nullptr);
    QTest::qWait(50);
    const int before = below->mapTo(m_wizard.get(), QPoint()).y();
    ASSERT_TRUE(m_drive->message("dpsNameMessage").isEmpty());
    m_drive->type("dpsNameEdit", QStringLiteral("steady-dps"));
    ASSERT_TRUE(m_drive->waitMessage("dpsNameMessage", Status::Ok));
    QTest::qWait(50);
    EXPECT_EQ(below->mapTo(m_wizard.get(), QPoint()).y(), before) << "the tier field moved when the name's message came";
}

namespace {
// Every page's mnemonics, the buttons of its banners included (walked to, so they exist).
void expectUniqueMnemonics(QWizardPage *page, const QStringList &wizardButtons, const std::string &language)
{
    auto mnemonic = [](const QString &text) {
        for (int i = text.indexOf(QLatin1Char('&')); i >= 0 && i + 1 < text.size(); i = text.indexOf(QLatin1Char('&'), i + 2)) {
            if (text.at(i + 1) != QLatin1Char('&'))
                return text.at(i + 1).toLower();
        }
        return QChar();
    };
    QHash<QChar, QString> seen;
    QStringList texts = wizardButtons;
    for (QAbstractButton *b : page->findChildren<QAbstractButton *>()) {
        if (b->isVisibleTo(page))
            texts << b->text();
    }
    for (QLabel *label : page->findChildren<QLabel *>()) {
        if (label->buddy())
            texts << label->text();
    }
    for (const QString &text : std::as_const(texts)) {
        const QChar key = mnemonic(text);
        if (key.isNull())
            continue;
        EXPECT_FALSE(seen.contains(key)) << language << " " << page->objectName().toStdString() << ": '" << str(text) << "' and '"
                                         << str(seen.value(key)) << "' share Alt+" << QString(key).toStdString();
        seen.insert(key, text);
    }
}
} // namespace

class MnemonicsTest : public WizardTest, public ::testing::WithParamInterface<const char *>
{
};

TEST_P(MnemonicsTest, NoTwoControlsOfAPageShareOneWithItsBannersShowing)
{
    Dps::Translator translator; // installed last, so it wins; removed again at the end of the test
    translator.install(QLocale(QString::fromLatin1(GetParam())));
    startSandbox();
    openWizard();
    auto check = [&] {
        QWizardPage *page = m_wizard->currentPage();
        expectUniqueMnemonics(page, {m_wizard->buttonText(QWizard::BackButton),
                                     page->isCommitPage() ? page->buttonText(QWizard::CommitButton) : m_wizard->buttonText(QWizard::NextButton),
                                     m_wizard->buttonText(QWizard::CancelButton)},
                              GetParam());
    };
    check();
    ASSERT_TRUE(m_drive->next("sign-in"));
    // The unregistered subscription: its banner has the Register button, next to the Region field.
    ASSERT_TRUE(m_drive->pick("subscriptionCombo", Demo::kDevTest));
    ASSERT_TRUE(QTest::qWaitFor([&] {
        for (QAbstractButton *b : m_wizard->currentPage()->findChildren<QAbstractButton *>())
            if (b->isVisibleTo(m_wizard->currentPage()) && b->text().contains(QLatin1String("Microsoft.Devices")))
                return true;
        return false;
    }, 10000));
    check();
    for (int id : m_wizard->pageIds()) {
        QWizardPage *page = m_wizard->page(id);
        expectUniqueMnemonics(page, {m_wizard->buttonText(QWizard::BackButton),
                                     page->isCommitPage() ? page->buttonText(QWizard::CommitButton) : m_wizard->buttonText(QWizard::NextButton)},
                              GetParam());
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, MnemonicsTest, ::testing::Values("en", "de"));

TEST_F(SignInPageTest, TryItSignsInAsTheDemoPersonInBothTenantsOnARegisteredSubscription)
{
    startSandbox();
    openOnTheSignInPage(false);
    m_drive->click("trySandboxButton");
    ASSERT_TRUE(m_drive->waitCanGoOn(15000)) << str(m_drive->banner("signInBanner")->text());
    EXPECT_EQ(m_browser.launches, 0) << "no browser: the app signs the demo person in itself";
    EXPECT_TRUE(m_controller->isSandbox());
    EXPECT_TRUE(m_controller->identityLabel().contains(QLatin1String("alex@contoso.example"))) << str(m_controller->identityLabel());
    EXPECT_TRUE(m_drive->find<QLabel>("signInStatus")->text().contains(QLatin1String("alex@contoso.example")));
    EXPECT_EQ(m_drive->find<QComboBox>("cloudCombo")->currentText(), QStringLiteral("Local sandbox"));
    EXPECT_TRUE(m_accounts->store().accounts().isEmpty()) << "the demo is for this session only";
    ASSERT_TRUE(m_drive->next("sign-in"));
    auto *subs = m_drive->find<QComboBox>("subscriptionCombo");
    ASSERT_TRUE(QTest::qWaitFor([&] { return subs->isEnabled() && subs->count() > 0; }, 15000));
    EXPECT_EQ(subs->currentData().toString(), Demo::kProduction) << "a subscription with Microsoft.Devices registered";
    // Both of the person's tenants, Contoso and Fabrikam, with their subscriptions.
    EXPECT_EQ(m_controller->tenants().size(), 2);
    const QString fabrikamSubscription = QStringLiteral("9d4e7b10-0000-4000-8000-000000000003");
    EXPECT_GE(subs->findData(fabrikamSubscription), 0) << "Fabrikam's subscription is listed too";
    EXPECT_EQ(m_browser.launches, 0);
}
