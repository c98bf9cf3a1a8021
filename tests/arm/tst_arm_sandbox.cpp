// The arm layer and AzureService through the real path: makeArmPipeline over a real QNAM, a real
// credential, against a real arm-sandbox process (demo world: Contoso + Fabrikam).
#include "ArmTestSupport.h"
#include "arm/ResourceId.h"

#include <QElapsedTimer>
#include <QJsonArray>

using namespace Dps;
using namespace Dps::Test;
using Arm::ArmError;
using Services::ResourceRef;

namespace {

const QString kContoso = QStringLiteral("72f988bf-0000-4000-8000-00000000c011");
const QString kFabrikam = QStringLiteral("b3a1d5e2-0000-4000-8000-0000000fab01");
const QString kProd = QStringLiteral("1f0c2a6e-0000-4000-8000-000000000001");
const QString kDev = QStringLiteral("1f0c2a6e-0000-4000-8000-000000000002");
const QString kFab = QStringLiteral("9d4e7b10-0000-4000-8000-000000000003");
const QString kSpClientId = QStringLiteral("c0ffee00-0000-4000-8000-0000000005b1");
const QString kHubApi = QStringLiteral("2023-06-30");
const QString kDpsApi = QStringLiteral("2022-12-12");

const ResourceRef kContosoDps{kProd,
                              QStringLiteral("iot-prod-rg"),
                              QStringLiteral("contoso-dps"),
                              kContoso};
const ResourceRef kStagingDps{kProd,
                              QStringLiteral("iot-shared-rg"),
                              QStringLiteral("contoso-dps-staging"),
                              kContoso};
const ResourceRef kHubWeu{kProd,
                          QStringLiteral("iot-prod-rg"),
                          QStringLiteral("contoso-hub-weu"),
                          kContoso};
const ResourceRef kHubEus{kProd,
                          QStringLiteral("iot-shared-rg"),
                          QStringLiteral("contoso-hub-eus"),
                          kContoso};
const ResourceRef kHubFabrikam{kFab,
                               QStringLiteral("fabrikam-iot-rg"),
                               QStringLiteral("fabrikam-hub-neu"),
                               kFabrikam};

QString path(const ResourceRef &r, bool dps)
{
    return dps ? Arm::ResourceId::dpsPath(r.subscriptionId, r.resourceGroup, r.name)
               : Arm::ResourceId::hubPath(r.subscriptionId, r.resourceGroup, r.name);
}

QStringList linkedHosts(const QJsonObject &dps)
{
    QStringList hosts;
    for (const auto &h : Arm::ProvisioningService::fromJson(dps).linkedHubs)
        hosts << h.hostName;
    return hosts;
}

} // namespace

class ArmSandbox : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        SandboxProcess::Options options;
        options.world = QStringLiteral("demo");
        s_sandbox = new SandboxProcess(options);
        QString error;
        s_started = s_sandbox->start(&error);
        if (!s_started)
            qWarning("arm-sandbox did not start: %s", qPrintable(error));
    }
    static void TearDownTestSuite()
    {
        delete s_sandbox;
        s_sandbox = nullptr;
    }

    void SetUp() override
    {
        ASSERT_TRUE(s_started);
        // A fresh demo world per test: new secrets and signing key, so keep the info the reset returns.
        const auto reset = admin(*s_sandbox,
                                 "POST",
                                 QStringLiteral("reset"),
                                 QJsonObject{{QStringLiteral("world"), QStringLiteral("demo")}});
        ASSERT_EQ(reset.status, 200);
        info = reset.json();
        setOptions(QJsonObject{{QStringLiteral("pageSize"), 100},
                               {QStringLiteral("lroDpsMs"), 300},
                               {QStringLiteral("lroHubMs"), 500},
                               {QStringLiteral("lroUpdateMs"), 200},
                               {QStringLiteral("providerRegisterMs"), 3000}});
        cloud = Arm::Cloud::sandbox(info);
        sp = makeStack(servicePrincipalCredential());
    }

    void setOptions(const QJsonObject &options) const
    {
        ASSERT_EQ(admin(*s_sandbox, "POST", QStringLiteral("options"), options).status, 200);
    }
    void addFault(const QJsonObject &fault) const
    {
        ASSERT_EQ(admin(*s_sandbox, "POST", QStringLiteral("faults"), fault).status, 201);
    }
    void clearLog() const { admin(*s_sandbox, "DELETE", QStringLiteral("requests")); }

    std::shared_ptr<Identity::TokenCredential> servicePrincipalCredential()
    {
        const QJsonObject p = info.value(QStringLiteral("servicePrincipal")).toObject();
        auto endpoint
            = std::make_shared<Identity::TokenEndpoint>(Http::makeAnonymousPipeline(&m_tokenNam, {}),
                                                        cloud.authorityHost);
        return std::make_shared<Identity::ClientSecretCredential>(
            endpoint,
            p.value(QStringLiteral("tenantId")).toString(),
            p.value(QStringLiteral("clientId")).toString(),
            p.value(QStringLiteral("clientSecret")).toString());
    }
    std::shared_ptr<SandboxTokenCredential> minted(const QJsonObject &principal,
                                                   const QString &tenant = kContoso) const
    {
        return std::make_shared<SandboxTokenCredential>(
            QUrl(info.value(QStringLiteral("adminEndpoint")).toString()), principal, tenant);
    }
    std::shared_ptr<SandboxTokenCredential> alex() const
    {
        return minted(
            QJsonObject{{QStringLiteral("username"), QStringLiteral("alex@contoso.example")}});
    }
    std::unique_ptr<ArmStack> makeStack(std::shared_ptr<Identity::TokenCredential> credential) const
    {
        return std::make_unique<ArmStack>(cloud, std::move(credential));
    }

    template<typename T>
    T expectValue(Services::ServiceCall *call)
    {
        const auto out = waitCall<T>(call);
        EXPECT_TRUE(out.ok()) << out.describe();
        return out.value.value_or(T());
    }
    ArmError expectError(Services::ServiceCall *call)
    {
        const auto out = waitCall<QVariant>(call);
        EXPECT_TRUE(out.error.has_value()) << "expected a failure";
        return out.error.value_or(ArmError());
    }
    ArmError expectError(Arm::ArmReply *reply)
    {
        const auto out = waitFor(reply, &Arm::ArmReply::finished);
        EXPECT_TRUE(out.error.has_value()) << "expected a failure";
        return out.error.value_or(ArmError());
    }
    ArmError expectError(Arm::ArmOperation *op)
    {
        const auto out = waitOp(op);
        EXPECT_TRUE(out.error.has_value()) << "expected a failure";
        return out.error.value_or(ArmError());
    }
    QJsonObject expectDone(Arm::ArmOperation *op, int timeoutMs = 15000)
    {
        const auto out = waitOp(op, timeoutMs);
        EXPECT_TRUE(out.ok()) << out.describe();
        return out.value.value_or(QJsonObject());
    }
    // The DPS PUT body of an existing DPS, with `hubs` as its linked hubs.
    QJsonObject dpsBodyWith(const ResourceRef &dps, const QJsonArray &hubs)
    {
        const auto d = expectValue<Arm::ProvisioningService>(sp->service->getDps(dps));
        QJsonObject props{{QStringLiteral("iotHubs"), hubs},
                          {QStringLiteral("allocationPolicy"), d.allocationPolicy}};
        return QJsonObject{{QStringLiteral("location"), d.location},
                           {QStringLiteral("sku"),
                            QJsonObject{{QStringLiteral("name"), QStringLiteral("S1")},
                                        {QStringLiteral("capacity"), 1}}},
                           {QStringLiteral("properties"), props}};
    }
    QString hubKey(const ResourceRef &hub, const QString &keyName)
    {
        return expectValue<Arm::AccessPolicy>(sp->service->hubPolicy(hub, keyName)).primaryKey;
    }

    static SandboxProcess *s_sandbox;
    static bool s_started;
    QJsonObject info;
    Arm::Cloud cloud;
    QNetworkAccessManager m_tokenNam;
    std::unique_ptr<ArmStack> sp;
};

SandboxProcess *ArmSandbox::s_sandbox = nullptr;
bool ArmSandbox::s_started = false;

// ---- cloud, tenants, subscriptions, locations --------------------------------------------------

TEST_F(ArmSandbox, TheSandboxCloudIsValid)
{
    EXPECT_TRUE(cloud.validate().isEmpty()) << cloud.validate();
    EXPECT_EQ(cloud.kind, Arm::Cloud::Kind::Sandbox);
    EXPECT_EQ(cloud.armEndpoint, s_sandbox->baseUrl());
}

TEST_F(ArmSandbox, ListsTenantsAndSubscriptionsPerTenant)
{
    auto user = makeStack(alex());
    const auto tenants = expectValue<QList<Arm::Tenant>>(user->service->listTenants());
    QStringList names;
    for (const auto &t : tenants)
        names << t.displayName;
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("Contoso"), QStringLiteral("Fabrikam")}));
    const auto contoso = expectValue<QList<Arm::Subscription>>(
        user->service->listSubscriptions(kContoso));
    EXPECT_EQ(contoso.size(), 2);
    const auto fabrikam = expectValue<QList<Arm::Subscription>>(
        user->service->listSubscriptions(kFabrikam));
    ASSERT_EQ(fabrikam.size(), 1);
    EXPECT_EQ(fabrikam[0].displayName, QStringLiteral("Fabrikam Factory"));
    EXPECT_EQ(fabrikam[0].tenantId, kFabrikam);
    EXPECT_TRUE(fabrikam[0].isEnabled());
    const auto sub = expectValue<Arm::Subscription>(user->service->getSubscription(kFab, kFabrikam));
    EXPECT_EQ(sub.subscriptionId, kFab);
}

TEST_F(ArmSandbox, ListsOnlyRegionsOfferingBothDeviceTypesByName)
{
    const auto locations = expectValue<QList<Arm::Location>>(
        sp->service->listDeviceLocations(kProd));
    ASSERT_FALSE(locations.isEmpty());
    QStringList names;
    for (const auto &l : locations) {
        names << l.name;
        EXPECT_EQ(l.name, l.name.toLower());
        EXPECT_FALSE(l.name.contains(QLatin1Char(' ')));
        EXPECT_FALSE(l.displayName.isEmpty());
    }
    EXPECT_TRUE(names.contains(QStringLiteral("westeurope"))) << names.join(QLatin1Char(','));
    EXPECT_TRUE(names.contains(QStringLiteral("eastus")));
}

TEST_F(ArmSandbox, ChecksNames)
{
    auto taken = expectValue<Arm::NameAvailability>(
        sp->service->checkDpsName(kProd, QStringLiteral("contoso-dps")));
    EXPECT_FALSE(taken.available);
    EXPECT_EQ(taken.reason, QStringLiteral("AlreadyExists"));
    auto free = expectValue<Arm::NameAvailability>(
        sp->service->checkDpsName(kProd, QStringLiteral("brand-new-dps-42")));
    EXPECT_TRUE(free.available); // reason "Invalid" comes along, and is ignored
    EXPECT_FALSE(expectValue<Arm::NameAvailability>(
                     sp->service->checkHubName(kProd, QStringLiteral("fabrikam-hub-neu")))
                     .available);
    EXPECT_FALSE(
        expectValue<Arm::NameAvailability>(sp->service->checkHubName(kProd, QStringLiteral("-bad")))
            .available);
}

// ---- paging ---------------------------------------------------------------------------------------

TEST_F(ArmSandbox, ListsResourceGroupsAcrossPages)
{
    setOptions(QJsonObject{{QStringLiteral("pageSize"), 2}});
    for (const char *name : {"rg-a", "rg-b", "rg-c"}) {
        const auto g = expectValue<Arm::ResourceGroup>(
            sp->service->createResourceGroup(kProd,
                                             QString::fromLatin1(name),
                                             QStringLiteral("westeurope")));
        EXPECT_EQ(g.name, QString::fromLatin1(name));
    }
    clearLog();
    const auto groups = expectValue<QList<Arm::ResourceGroup>>(
        sp->service->listResourceGroups(kProd));
    QStringList names;
    for (const auto &g : groups)
        names << g.name;
    names.sort(Qt::CaseInsensitive);
    EXPECT_EQ(names,
              (QStringList{QStringLiteral("iot-prod-rg"),
                           QStringLiteral("iot-shared-rg"),
                           QStringLiteral("rg-a"),
                           QStringLiteral("rg-b"),
                           QStringLiteral("rg-c")}));
    EXPECT_EQ(loggedRequests(*s_sandbox)
                  .filter(QStringLiteral("GET /subscriptions/%1/resourcegroups").arg(kProd),
                          Qt::CaseInsensitive)
                  .size(),
              3);
}

TEST_F(ArmSandbox, ListsHubsAndDpsAcrossPages)
{
    setOptions(QJsonObject{{QStringLiteral("pageSize"), 1}});
    clearLog();
    const auto hubs = expectValue<QList<Arm::IotHub>>(sp->service->listHubs(kProd));
    QStringList names;
    for (const auto &h : hubs)
        names << h.name;
    names.sort();
    EXPECT_EQ(names,
              (QStringList{QStringLiteral("contoso-hub-eus"), QStringLiteral("contoso-hub-weu")}));
    EXPECT_EQ(loggedRequests(*s_sandbox)
                  .filter(QStringLiteral("/IotHubs"), Qt::CaseInsensitive)
                  .size(),
              2);
    const auto dps = expectValue<QList<Arm::ProvisioningService>>(
        sp->service->listDps(kProd, QStringLiteral("iot-prod-rg")));
    ASSERT_EQ(dps.size(), 1);
    EXPECT_EQ(dps[0].name, QStringLiteral("contoso-dps"));
    EXPECT_EQ(dps[0].resourceGroup, QStringLiteral("iot-prod-rg"));
}

TEST_F(ArmSandbox, PostsEveryListkeysPage)
{
    setOptions(QJsonObject{{QStringLiteral("pageSize"), 2}});
    clearLog();
    const auto policies = expectValue<QList<Arm::AccessPolicy>>(
        sp->service->listHubPolicies(kHubWeu));
    QStringList names;
    for (const auto &p : policies) {
        names << p.keyName;
        EXPECT_FALSE(p.primaryKey.isEmpty());
    }
    EXPECT_EQ(names.size(), 5);
    EXPECT_TRUE(names.contains(QStringLiteral("iothubowner")));
    const QStringList log
        = loggedRequests(*s_sandbox).filter(QStringLiteral("/listkeys"), Qt::CaseInsensitive);
    EXPECT_EQ(log.size(), 3);
    for (const auto &entry : log)
        EXPECT_TRUE(entry.startsWith(QStringLiteral("POST "))) << entry;
    EXPECT_FALSE(
        expectValue<QList<Arm::AccessPolicy>>(sp->service->listDpsPolicies(kContosoDps)).isEmpty());
}

// ---- long-running operations ----------------------------------------------------------------------

TEST_F(ArmSandbox, CreatesAHubAndADpsInParallelThroughTheirOperations)
{
    const ResourceRef hub{kProd,
                          QStringLiteral("iot-prod-rg"),
                          QStringLiteral("t-hub-new"),
                          kContoso};
    const ResourceRef dps{kProd,
                          QStringLiteral("iot-prod-rg"),
                          QStringLiteral("t-dps-new"),
                          kContoso};
    auto *hubOp = sp->service->createHub(hub, QStringLiteral("westeurope"));
    auto *dpsOp = sp->service->createDps(dps, QStringLiteral("westeurope"));
    QSignalSpy hubProgress(hubOp, &Arm::ArmOperation::progress);
    QSignalSpy dpsProgress(dpsOp, &Arm::ArmOperation::progress);
    QSignalSpy hubToken(hubOp, &Arm::ArmOperation::resumeTokenChanged);
    const QJsonObject dpsBody = expectDone(dpsOp);
    const QJsonObject hubBody = expectDone(hubOp);
    const auto h = Arm::IotHub::fromJson(hubBody);
    EXPECT_EQ(h.name, QStringLiteral("t-hub-new"));
    EXPECT_TRUE(h.isActive()) << h.state << " " << h.provisioningState;
    EXPECT_EQ(h.partitionCount, 4);
    EXPECT_EQ(h.hostName, QStringLiteral("t-hub-new.azure-devices.net"));
    const auto d = Arm::ProvisioningService::fromJson(dpsBody);
    EXPECT_TRUE(d.isActive());
    EXPECT_FALSE(d.idScope.isEmpty());
    EXPECT_EQ(d.allocationPolicy, QStringLiteral("Hashed"));
    ASSERT_FALSE(hubProgress.isEmpty());
    EXPECT_FALSE(dpsProgress.isEmpty());
    EXPECT_EQ(hubProgress.first().first().toString(), QStringLiteral("Accepted"));
    EXPECT_EQ(hubProgress.last().first().toString(), QStringLiteral("Succeeded"));
    EXPECT_EQ(hubToken.size(), 1);
}

TEST_F(ArmSandbox, ResumesAHubCreationInANewClient)
{
    setOptions(QJsonObject{{QStringLiteral("lroHubMs"), 3000}});
    const ResourceRef hub{kProd,
                          QStringLiteral("iot-prod-rg"),
                          QStringLiteral("t-hub-resumed"),
                          kContoso};
    QElapsedTimer timer;
    timer.start();
    QString token;
    {
        auto *op = sp->service->createHub(hub, QStringLiteral("westeurope"));
        QSignalSpy tokenSpy(op, &Arm::ArmOperation::resumeTokenChanged);
        ASSERT_TRUE(tokenSpy.wait(5000));
        token = tokenSpy.first().first().toString();
        delete op;  // the app is closed during the LRO...
        sp.reset(); // ...with its client, pipeline and credential
    }
    ASSERT_FALSE(token.isEmpty());
    auto fresh = makeStack(
        servicePrincipalCredential()); // a new process, as far as the client knows
    clearLog();
    auto *resumed = fresh->client->resume(token);
    QSignalSpy progress(resumed, &Arm::ArmOperation::progress);
    const auto h = Arm::IotHub::fromJson(expectDone(resumed));
    EXPECT_EQ(h.name, QStringLiteral("t-hub-resumed"));
    EXPECT_TRUE(h.isActive()) << h.state;
    EXPECT_FALSE(progress.isEmpty());
    EXPECT_LT(timer.elapsed(), 8000);
    const QStringList log = loggedRequests(*s_sandbox);
    EXPECT_TRUE(log.filter(QStringLiteral("PUT ")).isEmpty())
        << log.join(QLatin1Char('\n')); // resuming never re-sends the PUT
    EXPECT_FALSE(log.filter(QStringLiteral("/operationResults/"), Qt::CaseInsensitive).isEmpty());
}

TEST_F(ArmSandbox, AFailedOperationCarriesTheStatusBodysError)
{
    addFault(QJsonObject{{QStringLiteral("method"), QStringLiteral("PUT")},
                         {QStringLiteral("path"), QStringLiteral("IotHubs/t-hub-doomed$")},
                         {QStringLiteral("failLro"), true}});
    const ResourceRef hub{kProd,
                          QStringLiteral("iot-prod-rg"),
                          QStringLiteral("t-hub-doomed"),
                          kContoso};
    const ArmError e = expectError(sp->service->createHub(hub, QStringLiteral("westeurope")));
    EXPECT_EQ(e.code, QStringLiteral("InternalServerError"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("injected"))) << e.message;
    EXPECT_FALSE(e.requestId.isEmpty());
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("injected"))) << e.userMessage();
}

TEST_F(ArmSandbox, DeletesAHubThroughItsOperation)
{
    const QJsonObject body = expectDone(sp->service->deleteHub(kHubEus));
    EXPECT_TRUE(body.isEmpty());
    const ArmError e = expectError(sp->service->getHub(kHubEus));
    EXPECT_TRUE(e.isNotFound());
    // Deleting what is gone is done, too.
    EXPECT_TRUE(expectDone(sp->service->deleteHub(kHubEus)).isEmpty());
}

// ---- linking --------------------------------------------------------------------------------------

TEST_F(ArmSandbox, LinksAHubOfTheSameSubscription)
{
    clearLog();
    Services::LinkOptions options;
    options.allocationWeight = 3;
    auto *op = sp->service->linkHub(kContosoDps, kHubEus, options);
    QSignalSpy token(op, &Arm::ArmOperation::resumeTokenChanged);
    const QJsonObject dps = expectDone(op);
    EXPECT_EQ(linkedHosts(dps),
              (QStringList{QStringLiteral("contoso-hub-weu.azure-devices.net"),
                           QStringLiteral("contoso-hub-eus.azure-devices.net")}));
    const auto d = Arm::ProvisioningService::fromJson(dps);
    EXPECT_EQ(d.linkedHubs[1].allocationWeight, 3);
    EXPECT_EQ(d.linkedHubs[1].location, QStringLiteral("eastus"));
    EXPECT_TRUE(d.linkedHubs[1].connectionString.contains(
        QStringLiteral("SharedAccessKey=****"))); // GET masks it
    EXPECT_EQ(token.size(), 1);
    const QStringList log = loggedRequests(*s_sandbox);
    const int putAt = log.indexOf(QStringLiteral("PUT ") + path(kContosoDps, true));
    ASSERT_GE(putAt, 0) << log.join(QLatin1Char('\n'));
    EXPECT_LT(log.indexOf(QStringLiteral("GET ") + path(kHubEus, false)), putAt);
    EXPECT_LT(log.indexOf(QStringLiteral("POST ") + path(kHubEus, false)
                          + QStringLiteral("/IotHubKeys/iothubowner/listkeys")),
              putAt);
}

TEST_F(ArmSandbox, LinksAHubFromAnotherSubscriptionAndTenant)
{
    auto credential = alex();
    auto user = makeStack(credential);
    clearLog();
    const QJsonObject dps = expectDone(user->service->linkHub(kContosoDps, kHubFabrikam, {}));
    EXPECT_TRUE(linkedHosts(dps).contains(QStringLiteral("fabrikam-hub-neu.azure-devices.net")))
        << linkedHosts(dps).join(QLatin1Char(','));
    EXPECT_EQ(Arm::ProvisioningService::fromJson(dps).linkedHubs.last().location,
              QStringLiteral("northeurope"));
    // The hub was read, and its key fetched, in Fabrikam's subscription with a Fabrikam token.
    const QStringList log = loggedRequests(*s_sandbox);
    EXPECT_TRUE(log.contains(QStringLiteral("POST ") + path(kHubFabrikam, false)
                             + QStringLiteral("/IotHubKeys/iothubowner/listkeys")))
        << log.join(QLatin1Char('\n'));
    EXPECT_TRUE(credential->tenantsAsked().contains(kFabrikam));
    EXPECT_TRUE(credential->tenantsAsked().contains(kContoso));
}

TEST_F(ArmSandbox, LinkingAnAlreadyLinkedHubFailsBeforeAnyWrite)
{
    clearLog();
    const ArmError e = expectError(sp->service->linkHub(kContosoDps, kHubWeu, {}));
    EXPECT_EQ(e.kind, ArmError::Kind::Validation);
    EXPECT_EQ(e.code, QStringLiteral("HubAlreadyLinked"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("already linked"))) << e.userMessage();
    const QStringList log = loggedRequests(*s_sandbox);
    EXPECT_TRUE(log.filter(QStringLiteral("PUT ")).isEmpty()) << log.join(QLatin1Char('\n'));
    EXPECT_TRUE(log.filter(QStringLiteral("listkeys"), Qt::CaseInsensitive).isEmpty())
        << "no key fetched for nothing";
}

TEST_F(ArmSandbox, LinkingWithAPolicyLackingRightsFailsBeforeAnyWrite)
{
    Services::LinkOptions options;
    options.accessPolicy = QStringLiteral("service"); // ServiceConnect only
    clearLog();
    const ArmError e = expectError(sp->service->linkHub(kContosoDps, kHubEus, options));
    EXPECT_EQ(e.code, QStringLiteral("PolicyMissingRights"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("RegistryWrite"))) << e.userMessage();
    EXPECT_TRUE(loggedRequests(*s_sandbox).filter(QStringLiteral("PUT ")).isEmpty());
}

TEST_F(ArmSandbox, LinkingAHubThatIsStillBeingCreatedFailsBeforeAnyWrite)
{
    setOptions(QJsonObject{{QStringLiteral("lroHubMs"), 5000}});
    const ResourceRef hub{kProd,
                          QStringLiteral("iot-prod-rg"),
                          QStringLiteral("t-hub-busy"),
                          kContoso};
    auto *create = sp->service->createHub(hub, QStringLiteral("westeurope"));
    QSignalSpy token(create, &Arm::ArmOperation::resumeTokenChanged);
    ASSERT_TRUE(token.wait(5000));
    const ArmError e = expectError(sp->service->linkHub(kContosoDps, hub, {}));
    EXPECT_EQ(e.code, QStringLiteral("HubNotActive"));
    create->cancel();
}

TEST_F(ArmSandbox, SetsTheAllocationPolicy)
{
    auto d = Arm::ProvisioningService::fromJson(
        expectDone(sp->service->setAllocationPolicy(kContosoDps, QStringLiteral("GeoLatency"))));
    EXPECT_EQ(d.allocationPolicy, QStringLiteral("GeoLatency"));
    EXPECT_EQ(d.linkedHubs.size(), 1); // the link survived the full PUT
    d = Arm::ProvisioningService::fromJson(
        expectDone(sp->service->setAllocationPolicy(kContosoDps, QStringLiteral("static"))));
    EXPECT_EQ(d.allocationPolicy, QStringLiteral("Static"));
    clearLog();
    d = Arm::ProvisioningService::fromJson(
        expectDone(sp->service->setAllocationPolicy(kContosoDps, QStringLiteral("Static"))));
    EXPECT_EQ(d.allocationPolicy, QStringLiteral("Static"));
    EXPECT_TRUE(loggedRequests(*s_sandbox)
                    .filter(QStringLiteral("PUT "))
                    .isEmpty()); // already set: nothing to do
    const ArmError e = expectError(
        sp->service->setAllocationPolicy(kContosoDps, QStringLiteral("Custom")));
    EXPECT_EQ(e.kind, ArmError::Kind::Validation);
}

TEST_F(ArmSandbox, UpdatesAndUnlinksALinkedHub)
{
    const QString host = QStringLiteral("contoso-hub-weu.azure-devices.net");
    auto d = Arm::ProvisioningService::fromJson(
        expectDone(sp->service->updateLinkedHub(kContosoDps, host, 7, false)));
    ASSERT_EQ(d.linkedHubs.size(), 1);
    EXPECT_EQ(d.linkedHubs[0].allocationWeight, 7);
    EXPECT_FALSE(d.linkedHubs[0].applyAllocationPolicy);
    EXPECT_EQ(expectError(sp->service->updateLinkedHub(kContosoDps,
                                                       QStringLiteral("nope.azure-devices.net"),
                                                       1,
                                                       true))
                  .code,
              QStringLiteral("LinkedHubNotFound"));

    d = Arm::ProvisioningService::fromJson(
        expectDone(sp->service->unlinkHub(kContosoDps, host.toUpper())));
    EXPECT_TRUE(d.linkedHubs.isEmpty());
    clearLog();
    expectDone(sp->service->unlinkHub(kContosoDps, host)); // not linked any more: nothing to do
    EXPECT_TRUE(loggedRequests(*s_sandbox).filter(QStringLiteral("PUT ")).isEmpty());
}

// ---- the provider -------------------------------------------------------------------------------

TEST_F(ArmSandbox, RegistersMicrosoftDevicesAndWaitsUntilRegistered)
{
    setOptions(QJsonObject{{QStringLiteral("providerRegisterMs"), 500}});
    EXPECT_FALSE(expectValue<Arm::ProviderState>(sp->service->providerState(kDev)).isRegistered());
    EXPECT_TRUE(expectError(sp->service->listHubs(kDev)).isMissingRegistration());
    const auto state = expectValue<Arm::ProviderState>(sp->service->registerDevicesProvider(kDev));
    EXPECT_TRUE(state.isRegistered());
    EXPECT_FALSE(state.locationsOf(QStringLiteral("IotHubs")).isEmpty());
    EXPECT_TRUE(expectValue<QList<Arm::IotHub>>(sp->service->listHubs(kDev)).isEmpty());
}

// ---- every ARM error of azure-arm.md 7, provoked for real where the sandbox can ----------------

TEST_F(ArmSandbox, UnknownSubscriptionSaysSo)
{
    const QString missing = QStringLiteral("00000000-0000-4000-8000-00000000dead");
    const ArmError e = expectError(sp->service->getSubscription(missing));
    EXPECT_EQ(e.code, QStringLiteral("SubscriptionNotFound"));
    EXPECT_TRUE(e.userMessage().contains(missing)) << e.userMessage();
    EXPECT_FALSE(e.correlationId.isEmpty());
    EXPECT_FALSE(e.requestId.isEmpty());
    EXPECT_TRUE(e.technicalDetails().contains(e.requestId));
}

TEST_F(ArmSandbox, AnotherTenantsSubscriptionAsksToSignInThere)
{
    const ArmError e = expectError(
        sp->service->listResourceGroups(kFab)); // a Contoso token on a Fabrikam subscription
    EXPECT_EQ(e.httpStatus, 401);
    EXPECT_EQ(e.code, QStringLiteral("InvalidAuthenticationTokenTenant"));
    EXPECT_EQ(e.expectedTenantId(), kFabrikam);
    EXPECT_TRUE(e.userMessage().contains(kFabrikam)) << e.userMessage();
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("Sign in to that tenant")))
        << e.userMessage();
}

TEST_F(ArmSandbox, MissingPermissionNamesTheActionAndScope)
{
    // The service principal, with a Fabrikam token, has no role on Fabrikam's subscription.
    auto stranger = makeStack(
        minted(QJsonObject{{QStringLiteral("clientId"), kSpClientId}}, kFabrikam));
    const ArmError e = expectError(stranger->service->listResourceGroups(kFab, kFabrikam));
    EXPECT_EQ(e.code, QStringLiteral("AuthorizationFailed"));
    EXPECT_TRUE(e.userMessage().contains(
        QStringLiteral("Microsoft.Resources/subscriptions/resourceGroups/read")))
        << e.userMessage();
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("/subscriptions/") + kFab))
        << e.userMessage();
}

TEST_F(ArmSandbox, UnregisteredProviderOffersToRegister)
{
    const ArmError e = expectError(sp->service->listHubs(kDev));
    EXPECT_EQ(e.code, QStringLiteral("MissingSubscriptionRegistration"));
    EXPECT_TRUE(e.isMissingRegistration());
    const QString text = e.userMessage();
    EXPECT_TRUE(text.contains(QStringLiteral("Microsoft.Devices is not registered in subscription ")
                              + kDev))
        << text;
    EXPECT_TRUE(text.contains(QStringLiteral("--register-provider"))) << text; // says how
}

TEST_F(ArmSandbox, MissingResourceGroupAndResourcesSaySo)
{
    ArmError e = expectError(sp->service->getResourceGroup(kProd, QStringLiteral("nope-rg")));
    EXPECT_EQ(e.code, QStringLiteral("ResourceGroupNotFound"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("nope-rg"))) << e.userMessage();
    e = expectError(
        sp->service->createHub({kProd, QStringLiteral("nope-rg"), QStringLiteral("t-orphan"), {}},
                               QStringLiteral("westeurope")));
    EXPECT_EQ(e.code, QStringLiteral("ResourceGroupNotFound"));

    // The DPS provider's flat shape, numeric code.
    e = expectError(sp->service->getDps(
        {kProd, QStringLiteral("iot-prod-rg"), QStringLiteral("nope-dps"), {}}));
    EXPECT_EQ(e.httpStatus, 404);
    EXPECT_EQ(e.code, QStringLiteral("404001"));
    EXPECT_TRUE(e.isNotFound());
    EXPECT_TRUE(e.message.contains(QStringLiteral("nope-dps")));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("nope-dps"))) << e.userMessage();
    // The hub provider's flat shape, string code.
    e = expectError(sp->service->getHub(
        {kProd, QStringLiteral("iot-prod-rg"), QStringLiteral("nope-hub"), {}}));
    EXPECT_EQ(e.code, QStringLiteral("ResourceNotFound"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("nope-hub"))) << e.userMessage();
    e = expectError(sp->service->hubPolicy(kHubWeu, QStringLiteral("no-such-policy")));
    EXPECT_EQ(e.code, QStringLiteral("KeyNameNotFound"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("no-such-policy"))) << e.userMessage();
}

TEST_F(ArmSandbox, TakenNamesAskForAnotherName)
{
    ArmError e = expectError(sp->service->createDps({kProd,
                                                     QStringLiteral("iot-shared-rg"),
                                                     QStringLiteral("contoso-dps"),
                                                     {}},
                                                    QStringLiteral("eastus")));
    EXPECT_EQ(e.code, QStringLiteral("409201"));
    EXPECT_TRUE(e.isNameTaken());
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("choose another name"))) << e.userMessage();
    e = expectError(sp->service->createHub({kProd,
                                            QStringLiteral("iot-prod-rg"),
                                            QStringLiteral("fabrikam-hub-neu"),
                                            {}},
                                           QStringLiteral("westeurope")));
    EXPECT_EQ(e.code, QStringLiteral("IotHubNameNotAvailable"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("\"fabrikam-hub-neu\"")))
        << e.userMessage();
}

TEST_F(ArmSandbox, WrongApiVersionsSaySo)
{
    ArmError e = expectError(
        sp->client->get(QStringLiteral("/subscriptions/%1/resourcegroups").arg(kProd),
                        QStringLiteral("1999-01-01")));
    EXPECT_EQ(e.code, QStringLiteral("InvalidApiVersionParameter"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("API version"))) << e.userMessage();
    e = expectError(sp->client->get(path(kContosoDps, true), QStringLiteral("1999-01-01")));
    EXPECT_EQ(e.code, QStringLiteral("NoRegisteredProviderFound"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("API version"))) << e.userMessage();
    e = expectError(
        sp->client->get(QStringLiteral("/subscriptions/%1/resourcegroups").arg(kProd), QString()));
    EXPECT_EQ(e.code, QStringLiteral("MissingApiVersionParameter"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("API version"))) << e.userMessage();
}

TEST_F(ArmSandbox, DisabledSubscriptionIsReadOnly)
{
    ASSERT_EQ(admin(*s_sandbox,
                    "POST",
                    QStringLiteral("subscriptions/") + kProd,
                    QJsonObject{{QStringLiteral("state"), QStringLiteral("Disabled")}})
                  .status,
              200);
    const ArmError e = expectError(sp->service->createResourceGroup(kProd,
                                                                    QStringLiteral("rg-x"),
                                                                    QStringLiteral("westeurope")));
    EXPECT_EQ(e.code, QStringLiteral("ReadOnlyDisabledSubscription"));
    EXPECT_TRUE(e.userMessage().contains(kProd)) << e.userMessage();
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("disabled"))) << e.userMessage();
    EXPECT_FALSE(expectValue<Arm::Subscription>(sp->service->getSubscription(kProd)).isEnabled());
}

TEST_F(ArmSandbox, ThrottlingSaysHowLongItWaits)
{
    addFault(QJsonObject{{QStringLiteral("path"), QStringLiteral("/resourcegroups$")},
                         {QStringLiteral("status"), 429},
                         {QStringLiteral("code"), QStringLiteral("SubscriptionRequestsThrottled")},
                         {QStringLiteral("retryAfter"), 9},
                         {QStringLiteral("message"),
                          QStringLiteral(
                              "Number of read requests for subscription exceeded the limit.")}});
    const ArmError e = expectError(
        sp->service->listResourceGroups(kProd)); // this stack does not retry
    EXPECT_EQ(e.httpStatus, 429);
    EXPECT_TRUE(e.isThrottled());
    EXPECT_EQ(e.retryAfterSeconds, 9);
    EXPECT_TRUE(
        e.userMessage().contains(QStringLiteral("Azure is throttling requests; waiting 9 s")))
        << e.userMessage();
}

TEST_F(ArmSandbox, ExpiredAndInvalidTokensAskToSignInAgain)
{
    const auto minted = admin(*s_sandbox,
                              "POST",
                              QStringLiteral("tokens"),
                              QJsonObject{{QStringLiteral("clientId"), kSpClientId},
                                          {QStringLiteral("lifetimeSeconds"), 60}});
    ASSERT_EQ(minted.status, 200);
    ASSERT_EQ(admin(*s_sandbox,
                    "POST",
                    QStringLiteral("clock"),
                    QJsonObject{{QStringLiteral("advanceSeconds"), 600}})
                  .status,
              200);
    auto expired = makeStack(std::make_shared<StaticTokenCredential>(
        minted.json().value(QStringLiteral("access_token")).toString(), kContoso));
    ArmError e = expectError(expired->service->getSubscription(kProd));
    EXPECT_EQ(e.code, QStringLiteral("ExpiredAuthenticationToken"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("Sign in again"))) << e.userMessage();
    auto forged = makeStack(
        std::make_shared<StaticTokenCredential>(QStringLiteral("eyJhbGciOiJIUzI1NiJ9.e30.forged"),
                                                kContoso));
    e = expectError(forged->service->getSubscription(kProd));
    EXPECT_EQ(e.code, QStringLiteral("InvalidAuthenticationToken"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("Sign in again"))) << e.userMessage();
}

TEST_F(ArmSandbox, ValidationErrorsOfTheRealServices)
{
    // LocationNotAvailableForResourceType
    ArmError e = expectError(sp->service->createHub({kProd,
                                                     QStringLiteral("iot-prod-rg"),
                                                     QStringLiteral("t-hub-mars"),
                                                     {}},
                                                    QStringLiteral("mars")));
    EXPECT_EQ(e.code, QStringLiteral("LocationNotAvailableForResourceType"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("Choose another region")))
        << e.userMessage();
    // An invalid name (the hub provider's InvalidIotHubName)
    e = expectError(
        sp->service->createHub({kProd, QStringLiteral("iot-prod-rg"), QStringLiteral("-bad"), {}},
                               QStringLiteral("westeurope")));
    EXPECT_EQ(e.code, QStringLiteral("InvalidIotHubName"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("not valid"))) << e.userMessage();
    // PreconditionFailed: updating a hub without If-Match
    const auto hub = expectValue<Arm::IotHub>(sp->service->getHub(kHubWeu));
    e = expectError(
        sp->client->put(path(kHubWeu, false),
                        kHubApi,
                        QJsonObject{{QStringLiteral("location"), hub.location},
                                    {QStringLiteral("sku"),
                                     QJsonObject{{QStringLiteral("name"), QStringLiteral("S1")}}}}));
    EXPECT_EQ(e.httpStatus, 412);
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("Reload"))) << e.userMessage();
    // FreeIotHubLimitExceeded: a second free hub in one subscription
    auto *first = sp->service->createHub({kProd,
                                          QStringLiteral("iot-prod-rg"),
                                          QStringLiteral("t-free-1"),
                                          {}},
                                         QStringLiteral("westeurope"),
                                         QStringLiteral("F1"));
    e = expectError(
        sp->service->createHub({kProd, QStringLiteral("iot-prod-rg"), QStringLiteral("t-free-2"), {}},
                               QStringLiteral("westeurope"),
                               QStringLiteral("F1")));
    EXPECT_EQ(e.code, QStringLiteral("FreeIotHubLimitExceeded"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("only one is allowed per subscription")))
        << e.userMessage();
    expectDone(first);
    // ResourceGroupBeingDeleted
    setOptions(QJsonObject{{QStringLiteral("lroUpdateMs"), 5000}});
    expectValue<Arm::ResourceGroup>(sp->service->createResourceGroup(kProd,
                                                                     QStringLiteral("rg-gone"),
                                                                     QStringLiteral("westeurope")));
    auto *deletion = sp->client->beginDelete(QStringLiteral(
                                                 "/subscriptions/%1/resourcegroups/rg-gone")
                                                 .arg(kProd),
                                             QStringLiteral("2021-04-01"));
    QSignalSpy deletionToken(deletion, &Arm::ArmOperation::resumeTokenChanged);
    ASSERT_TRUE(deletionToken.wait(5000));
    e = expectError(sp->service->createResourceGroup(kProd,
                                                     QStringLiteral("rg-gone"),
                                                     QStringLiteral("westeurope")));
    EXPECT_EQ(e.code, QStringLiteral("ResourceGroupBeingDeleted"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("being deleted"))) << e.userMessage();
    deletion->cancel();
}

TEST_F(ArmSandbox, DpsLinkErrorsOfTheRealService)
{
    const QString eusKey = hubKey(kHubEus, QStringLiteral("iothubowner"));
    const QString serviceKey = hubKey(kHubEus, QStringLiteral("service"));
    auto cs = [](const QString &host, const QString &keyName, const QString &key) {
        return QStringLiteral("HostName=%1;SharedAccessKeyName=%2;SharedAccessKey=%3")
            .arg(host, keyName, key);
    };
    auto entry = [](const QString &connectionString, const QJsonValue &weight = QJsonValue(1)) {
        return QJsonObject{{QStringLiteral("connectionString"), connectionString},
                           {QStringLiteral("location"), QStringLiteral("eastus")},
                           {QStringLiteral("allocationWeight"), weight}};
    };
    const QString eus = QStringLiteral("contoso-hub-eus.azure-devices.net");
    struct Case
    {
        QJsonArray hubs;
        const char *code;
        const char *expected;
    };
    const Case cases[] = {
        {{entry(QStringLiteral("not a connection string"))}, "400205", "connection string"},
        {{entry(
             cs(QStringLiteral("nohub.azure-devices.net"), QStringLiteral("iothubowner"), eusKey))},
         "400206",
         "could not reach the IoT hub"},
        {{entry(cs(eus, QStringLiteral("iothubowner"), QStringLiteral("d3JvbmcK")))},
         "400207",
         "rejected the access key"},
        {{entry(cs(eus, QStringLiteral("service"), serviceKey))}, "400208", "RegistryWrite"},
        {{entry(cs(eus, QStringLiteral("iothubowner"), eusKey)),
          entry(cs(eus, QStringLiteral("iothubowner"), eusKey))},
         "400210",
         "already linked"},
        {{entry(cs(eus, QStringLiteral("iothubowner"), eusKey), 5000)}, "400214", "0 to 1000"},
    };
    for (const Case &c : cases) {
        const ArmError e = expectError(
            sp->client->put(path(kStagingDps, true), kDpsApi, dpsBodyWith(kStagingDps, c.hubs)));
        EXPECT_EQ(e.code, QString::fromLatin1(c.code)) << e.technicalDetails();
        EXPECT_TRUE(e.userMessage().contains(QString::fromLatin1(c.expected)))
            << c.code << ": " << e.userMessage();
        EXPECT_FALSE(e.technicalDetails().contains(eusKey)) << "no key in error details";
    }
    // 400213: a hub that is still being created.
    setOptions(QJsonObject{{QStringLiteral("lroHubMs"), 5000}});
    const ResourceRef busy{kProd,
                           QStringLiteral("iot-prod-rg"),
                           QStringLiteral("t-hub-young"),
                           kContoso};
    auto *create = sp->service->createHub(busy, QStringLiteral("westeurope"));
    QSignalSpy token(create, &Arm::ArmOperation::resumeTokenChanged);
    ASSERT_TRUE(token.wait(5000));
    const QString youngKey = hubKey(busy, QStringLiteral("iothubowner"));
    const ArmError e = expectError(
        sp->client->put(path(kStagingDps, true),
                        kDpsApi,
                        dpsBodyWith(kStagingDps,
                                    {entry(cs(QStringLiteral("t-hub-young.azure-devices.net"),
                                              QStringLiteral("iothubowner"),
                                              youngKey))})));
    EXPECT_EQ(e.code, QStringLiteral("400213"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("not active"))) << e.userMessage();
    create->cancel();
}

// The codes the sandbox has no real path to are injected, as ARM would send them.
TEST_F(ArmSandbox, InjectedArmErrorsBecomeActionableMessages)
{
    struct Case
    {
        int status;
        const char *code;
        const char *message;
        const char *expected;
    };
    const Case cases[] = {
        {403,
         "LinkedAuthorizationFailed",
         "The client has permission to perform action 'Microsoft.Devices/IotHubs/write' on scope "
         "'x'; however, it does not have permission to perform action(s) "
         "'Microsoft.Network/virtualNetworks/subnets/join/action' on the linked scope(s) "
         "'/subscriptions/s/rg/vnet'.",
         "Microsoft.Network/virtualNetworks/subnets/join/action"},
        {403,
         "RequestDisallowedByPolicy",
         "Resource 'x' was disallowed by policy. Policy identifiers: 'allowed-locations'.",
         "Azure Policy"},
        {409, "Conflict", "The request conflicts with the current state.", "Wait until it finishes"},
        {409,
         "AnotherOperationInProgress",
         "Another operation is in progress.",
         "Wait until it finishes"},
        {400, "InvalidResourceName", "Resource name 'x_' is invalid.", "not valid"},
        {400, "InvalidParameter", "The value '0' of query parameter '$top' is not valid.", "$top"},
        {400, "BadRequest", "The request is malformed.", "The request is malformed."},
        {403,
         "AuthorizationFailed",
         "The client 'c' with object id 'c' does not have authorization to perform action "
         "'Microsoft.Devices/provisioningServices/write' over scope "
         "'/subscriptions/s/resourceGroups/rg' or the scope is invalid.",
         "Microsoft.Devices/provisioningServices/write"},
    };
    for (const Case &c : cases) {
        addFault(QJsonObject{{QStringLiteral("path"), QStringLiteral("/resourcegroups$")},
                             {QStringLiteral("status"), c.status},
                             {QStringLiteral("code"), QString::fromLatin1(c.code)},
                             {QStringLiteral("message"), QString::fromLatin1(c.message)}});
        const ArmError e = expectError(sp->service->listResourceGroups(kProd));
        EXPECT_EQ(e.code, QString::fromLatin1(c.code));
        EXPECT_EQ(e.httpStatus, c.status);
        EXPECT_TRUE(e.userMessage().contains(QString::fromLatin1(c.expected)))
            << c.code << ": " << e.userMessage();
    }
}

TEST_F(ArmSandbox, UnreachableEndpointSaysTheConnectionFailed)
{
    const Arm::Cloud closed = Arm::Cloud::custom(QUrl(QStringLiteral("http://127.0.0.1:1/")),
                                                 QUrl(QStringLiteral("http://127.0.0.1:1/")));
    ArmStack stack(closed, std::make_shared<StaticTokenCredential>(QStringLiteral("t")));
    const ArmError e = expectError(stack.service->listTenants());
    EXPECT_EQ(e.kind, ArmError::Kind::Transport);
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("refused"))) << e.userMessage();
}

TEST(ArmSandboxTls, TrustsTheSandboxCertificateOnlyWhenGiven)
{
    SandboxProcess::Options options;
    options.world = QStringLiteral("empty");
    options.tls = true;
    SandboxProcess sandbox(options);
    QString error;
    ASSERT_TRUE(sandbox.start(&error)) << error;
    const QJsonObject info = sandbox.info();
    const QString sub = sandbox.subscriptionId();

    // Without the certificate: a TLS error, never ignored.
    QJsonObject withoutCertificate = info;
    withoutCertificate.remove(QStringLiteral("caCertificateFile"));
    withoutCertificate.remove(QStringLiteral("caCertificate"));
    Arm::Cloud untrusted = Arm::Cloud::sandbox(withoutCertificate);
    ASSERT_EQ(untrusted.armEndpoint.scheme(), QStringLiteral("https"));
    ASSERT_TRUE(untrusted.extraCaCertificates.isEmpty());
    {
        ArmStack stack(untrusted, std::make_shared<StaticTokenCredential>(QStringLiteral("t")));
        const auto out = waitCall<Arm::Subscription>(stack.service->getSubscription(sub));
        ASSERT_TRUE(out.error) << out.describe();
        EXPECT_EQ(out.error->kind, ArmError::Kind::Transport);
        EXPECT_TRUE(out.error->code.startsWith(QStringLiteral("Ssl"))) << out.error->code;
        EXPECT_TRUE(out.error->userMessage().contains(QStringLiteral("TLS")))
            << out.error->userMessage();
    }
    // With it (the info file names it): works.
    const Arm::Cloud trusted = Arm::Cloud::sandbox(info);
    ASSERT_FALSE(trusted.extraCaCertificates.isEmpty());
    HttpClient http(&sandbox);
    const QString token = http.servicePrincipalToken();
    ArmStack stack(trusted, std::make_shared<StaticTokenCredential>(token));
    const auto out = waitCall<Arm::Subscription>(stack.service->getSubscription(sub));
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_EQ(out.value->subscriptionId, sub);
}
