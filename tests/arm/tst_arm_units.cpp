// Unit tests of the arm layer without a server: Cloud, ResourceId, resource parsing, ArmError, and the
// ArmClient's paging and long-running operations over a FakeTransport with a FakeClock.
#include "ArmTestSupport.h"
#include "FakeClock.h"
#include "FakeTransport.h"
#include "arm/ArmError.h"
#include "arm/Cloud.h"
#include "arm/ResourceId.h"
#include "arm/Resources.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QThread>

using namespace Dps;
using namespace Dps::Test;
using Arm::ArmError;
using Http::HttpResponse;

namespace {

HttpResponse jsonResponse(int status,
                          const QByteArray &json,
                          QList<QPair<QByteArray, QByteArray>> headers = {})
{
    HttpResponse r;
    r.status = status;
    r.body = json;
    headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    r.headers = headers;
    return r;
}

ArmError armError(int status, const QString &code, const QString &message, const QString &scope = {})
{
    const QJsonObject body{
        {QStringLiteral("error"),
         QJsonObject{{QStringLiteral("code"), code}, {QStringLiteral("message"), message}}}};
    return ArmError::fromResponse(jsonResponse(status, QJsonDocument(body).toJson()), scope);
}

const QString kSub = QStringLiteral("1f0c2a6e-0000-4000-8000-000000000001");
const QString kHubPath = QStringLiteral(
    "/subscriptions/1f0c2a6e-0000-4000-8000-000000000001/resourceGroups/rg/providers/"
    "Microsoft.Devices/IotHubs/myhub");
const QString kDpsPath = QStringLiteral(
    "/subscriptions/1f0c2a6e-0000-4000-8000-000000000001/resourceGroups/rg/providers/"
    "Microsoft.Devices/provisioningServices/mydps");

} // namespace

// ---- Cloud ---------------------------------------------------------------------------------------

TEST(Cloud, KnowsThePublicSovereignAndGovernmentClouds)
{
    const auto pub = Arm::Cloud::azurePublic();
    EXPECT_EQ(pub.armEndpoint, QUrl(QStringLiteral("https://management.azure.com/")));
    EXPECT_EQ(pub.authorityHost, QUrl(QStringLiteral("https://login.microsoftonline.com/")));
    EXPECT_EQ(pub.armScope, QStringLiteral("https://management.azure.com/.default"));
    EXPECT_EQ(Arm::Cloud::azureChina().armEndpoint.host(),
              QStringLiteral("management.chinacloudapi.cn"));
    EXPECT_EQ(Arm::Cloud::azureUsGovernment().authorityHost.host(),
              QStringLiteral("login.microsoftonline.us"));
    for (const auto &c : {pub, Arm::Cloud::azureChina(), Arm::Cloud::azureUsGovernment()})
        EXPECT_TRUE(c.validate().isEmpty()) << c.validate();
    Arm::Cloud byName;
    ASSERT_TRUE(Arm::Cloud::fromName(QStringLiteral("usgov"), &byName));
    EXPECT_EQ(byName.kind, Arm::Cloud::Kind::UsGovernment);
    EXPECT_FALSE(Arm::Cloud::fromName(QStringLiteral("mars"), &byName));
}

TEST(Cloud, RefusesPlainHttpForACustomCloudThatIsNotLoopback)
{
    const auto c = Arm::Cloud::custom(QUrl(QStringLiteral("http://management.example.com")),
                                      QUrl(QStringLiteral("https://login.example.com/")));
    const QString problem = c.validate();
    EXPECT_FALSE(problem.isEmpty());
    EXPECT_TRUE(problem.contains(QStringLiteral("https"))) << problem;
    EXPECT_TRUE(problem.contains(QStringLiteral("management.example.com"))) << problem;
    // The authority is checked as well.
    const auto badAuthority = Arm::Cloud::custom(QUrl(QStringLiteral(
                                                     "https://management.example.com")),
                                                 QUrl(QStringLiteral("http://login.example.com/")));
    EXPECT_FALSE(badAuthority.validate().isEmpty());
}

TEST(Cloud, AcceptsHttpOnLoopbackOnly)
{
    for (const char *url : {"http://127.0.0.1:8080/",
                            "http://127.1.2.3/",
                            "http://[::1]:9/",
                            "http://localhost:1234/"}) {
        const auto c = Arm::Cloud::custom(QUrl(QString::fromLatin1(url)),
                                          QUrl(QString::fromLatin1(url)));
        EXPECT_TRUE(c.validate().isEmpty()) << url << " " << c.validate();
    }
    for (const char *url :
         {"http://10.0.0.1/", "http://128.0.0.1/", "http://localhost.example.com/"}) {
        const auto c = Arm::Cloud::custom(QUrl(QString::fromLatin1(url)),
                                          QUrl(QStringLiteral("https://login.example.com/")));
        EXPECT_FALSE(c.validate().isEmpty()) << url;
    }
}

TEST(Cloud, RefusesRelativeOrOddUrls)
{
    EXPECT_FALSE(Arm::Cloud::custom(QUrl(QStringLiteral("management.example.com")),
                                    QUrl(QStringLiteral("https://l/")))
                     .validate()
                     .isEmpty());
    EXPECT_FALSE(Arm::Cloud::custom(QUrl(QStringLiteral("ftp://management.example.com/")),
                                    QUrl(QStringLiteral("https://l/")))
                     .validate()
                     .isEmpty());
    EXPECT_FALSE(
        Arm::Cloud::custom(QUrl(), QUrl(QStringLiteral("https://l/"))).validate().isEmpty());
}

TEST(Cloud, ReadsTheSandboxInfoFile)
{
    const QJsonObject info{{QStringLiteral("armEndpoint"), QStringLiteral("http://127.0.0.1:4567/")},
                           {QStringLiteral("authorityHost"),
                            QStringLiteral("http://127.0.0.1:4567/")},
                           {QStringLiteral("scope"),
                            QStringLiteral("https://management.azure.com/.default")}};
    const auto c = Arm::Cloud::sandbox(info);
    EXPECT_EQ(c.kind, Arm::Cloud::Kind::Sandbox);
    EXPECT_EQ(c.armEndpoint.port(), 4567);
    EXPECT_EQ(c.armScope, QStringLiteral("https://management.azure.com/.default"));
    EXPECT_TRUE(c.validate().isEmpty()) << c.validate();
}

// ---- ResourceId and resources --------------------------------------------------------------------

TEST(ResourceId, ParsesCaseInsensitivelyAndFormatsCanonically)
{
    Arm::ResourceId id;
    ASSERT_TRUE(Arm::ResourceId::parse(
        QStringLiteral(
            "/SUBSCRIPTIONS/s1/resourcegroups/My.RG(1)/PROVIDERS/Microsoft.Devices/iothubs/h1"),
        &id));
    EXPECT_EQ(id.subscriptionId, QStringLiteral("s1"));
    EXPECT_EQ(id.resourceGroup, QStringLiteral("My.RG(1)"));
    EXPECT_EQ(id.providerNamespace, QStringLiteral("Microsoft.Devices"));
    EXPECT_EQ(id.type, QStringLiteral("iothubs"));
    EXPECT_EQ(id.name, QStringLiteral("h1"));
    EXPECT_EQ(
        id.toString(),
        QStringLiteral(
            "/subscriptions/s1/resourceGroups/My.RG(1)/providers/Microsoft.Devices/iothubs/h1"));
    EXPECT_EQ(Arm::ResourceId::hubPath(QStringLiteral("s"),
                                       QStringLiteral("g"),
                                       QStringLiteral("h")),
              QStringLiteral(
                  "/subscriptions/s/resourceGroups/g/providers/Microsoft.Devices/IotHubs/h"));
    EXPECT_EQ(Arm::ResourceId::dpsPath(QStringLiteral("s"),
                                       QStringLiteral("g"),
                                       QStringLiteral("d")),
              QStringLiteral("/subscriptions/s/resourceGroups/g/providers/Microsoft.Devices/"
                             "provisioningServices/d"));
    ASSERT_TRUE(Arm::ResourceId::parse(QStringLiteral("/subscriptions/s1/resourceGroups/g"), &id));
    EXPECT_EQ(id.resourceGroup, QStringLiteral("g"));
    EXPECT_TRUE(id.name.isEmpty());
}

TEST(ResourceId, RejectsWhatIsNotAnArmId)
{
    Arm::ResourceId id;
    EXPECT_FALSE(Arm::ResourceId::parse(QString(), &id));
    EXPECT_FALSE(Arm::ResourceId::parse(QStringLiteral("/tenants/t1"), &id));
    EXPECT_FALSE(Arm::ResourceId::parse(QStringLiteral("/subscriptions"), &id));
    EXPECT_FALSE(Arm::ResourceId::parse(QStringLiteral("/subscriptions/s/resourceGroups"), &id));
    EXPECT_FALSE(
        Arm::ResourceId::parse(QStringLiteral(
                                   "/subscriptions/s/resourceGroups/g/providers/Microsoft.Devices"),
                               &id));
    EXPECT_FALSE(Arm::ResourceId::parse(QStringLiteral("/subscriptions/s/whatever/x"), &id));
}

TEST(Resources, DpsParsingToleratesMissingAndUnknownFields)
{
    const auto empty = Arm::ProvisioningService::fromJson({});
    EXPECT_TRUE(empty.name.isEmpty());
    EXPECT_TRUE(empty.linkedHubs.isEmpty());
    const QJsonObject json = QJsonDocument::fromJson(R"({
        "id": "/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Devices/provisioningServices/d1",
        "name": "d1", "location": "westeurope", "somethingNew": {"x": 1},
        "sku": {"name": "S1", "tier": "Standard", "capacity": 2},
        "properties": {"state": "Active", "allocationPolicy": "GeoLatency", "idScope": "0ne00000012",
                       "serviceOperationsHostName": "d1.azure-devices-provisioning.net",
                       "deviceProvisioningHostName": "global.azure-devices-provisioning.net",
                       "iotHubs": [{"connectionString": "HostName=h1.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=****",
                                    "location": "westeurope", "allocationWeight": 3, "applyAllocationPolicy": false},
                                   "garbage"],
                       "futureField": true}})")
                                 .object();
    const auto d = Arm::ProvisioningService::fromJson(json);
    EXPECT_EQ(d.subscriptionId, QStringLiteral("s1"));
    EXPECT_EQ(d.resourceGroup, QStringLiteral("rg1"));
    EXPECT_EQ(d.capacity, 2);
    EXPECT_EQ(d.provisioningState, QStringLiteral("Succeeded")); // absent means Succeeded
    EXPECT_TRUE(d.isActive());
    EXPECT_EQ(d.idScope, QStringLiteral("0ne00000012"));
    ASSERT_EQ(d.linkedHubs.size(), 1);
    EXPECT_EQ(d.linkedHubs[0].hostName,
              QStringLiteral("h1.azure-devices.net")); // from the connection string
    EXPECT_EQ(d.linkedHubs[0].allocationWeight, 3);
    EXPECT_FALSE(d.linkedHubs[0].applyAllocationPolicy);
    EXPECT_EQ(d.raw, json);
}

TEST(Resources, HubAndPoliciesAndNamesParse)
{
    const auto hub = Arm::IotHub::fromJson(QJsonDocument::fromJson(R"({
        "id": "/subscriptions/s1/resourceGroups/rg1/providers/Microsoft.Devices/IotHubs/h1", "name": "h1",
        "resourcegroup": "RG1", "subscriptionid": "S1", "location": "eastus",
        "sku": {"name": "S1", "tier": "Standard", "capacity": 1},
        "properties": {"state": "Active", "provisioningState": "Succeeded", "hostName": "h1.azure-devices.net",
                       "disableLocalAuth": true, "eventHubEndpoints": {"events": {"partitionCount": 4}}}})")
                                               .object());
    EXPECT_EQ(hub.resourceGroup, QStringLiteral("RG1")); // the service's own field wins
    EXPECT_EQ(hub.partitionCount, 4);
    EXPECT_TRUE(hub.disableLocalAuth);
    EXPECT_TRUE(hub.isActive());

    Arm::AccessPolicy p = Arm::AccessPolicy::fromJson(
        QJsonObject{{QStringLiteral("keyName"), QStringLiteral("iothubowner")},
                    {QStringLiteral("rights"),
                     QStringLiteral("RegistryWrite, ServiceConnect, DeviceConnect")},
                    {QStringLiteral("primaryKey"), QStringLiteral("abc=")}});
    EXPECT_TRUE(p.canLinkToDps());
    p.rights = QStringLiteral("ServiceConnect");
    EXPECT_FALSE(p.canLinkToDps());
    p.rights = QStringLiteral("RegistryWrite, ServiceConnect");
    EXPECT_EQ(
        Arm::hubConnectionString(QStringLiteral("h1.azure-devices.net"), p),
        QStringLiteral(
            "HostName=h1.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=abc="));

    const auto n = Arm::NameAvailability::fromJson(
        QJsonObject{{QStringLiteral("nameAvailable"), true},
                    {QStringLiteral("reason"), QStringLiteral("Invalid")}});
    EXPECT_TRUE(n.available); // reason is sent even for available names

    const auto provider = Arm::ProviderState::fromJson(
        QJsonDocument::fromJson(R"({"namespace": "Microsoft.Devices",
        "registrationState": "Registered", "resourceTypes": [{"resourceType": "IotHubs", "locations": ["West Europe"]}]})")
            .object());
    EXPECT_TRUE(provider.isRegistered());
    EXPECT_EQ(provider.locationsOf(QStringLiteral("iothubs")),
              QStringList{QStringLiteral("West Europe")});
}

TEST(Resources, LinkedHubBodyHasNoReadOnlyName)
{
    Arm::LinkedHub h;
    h.hostName = QStringLiteral("h1.azure-devices.net");
    h.connectionString = QStringLiteral(
        "HostName=h1.azure-devices.net;SharedAccessKeyName=iothubowner;SharedAccessKey=k");
    h.location = QStringLiteral("eastus");
    h.allocationWeight = 5;
    const QJsonObject j = h.toJson();
    EXPECT_FALSE(j.contains(QStringLiteral("name")));
    EXPECT_EQ(j.value(QStringLiteral("location")).toString(), QStringLiteral("eastus"));
    EXPECT_EQ(j.value(QStringLiteral("allocationWeight")).toInt(), 5);
    EXPECT_TRUE(j.value(QStringLiteral("applyAllocationPolicy")).toBool());
}

// ---- ArmError ------------------------------------------------------------------------------------

TEST(ArmError, ParsesTheArmWrappedShapeWithIds)
{
    const auto r = jsonResponse(
        404,
        R"({"error": {"code": "ResourceGroupNotFound", "message": "Resource group 'g1' could not be found.",
                                         "target": "g1", "details": [{"code": "Inner", "message": "m"}]}})",
        {{"x-ms-request-id", "req-1"},
         {"x-ms-correlation-request-id", "corr-1"},
         {"x-ms-client-request-id", "cli-1"}});
    const auto e = ArmError::fromResponse(r, QStringLiteral("/subscriptions/s1/resourceGroups/g1"));
    EXPECT_EQ(e.kind, ArmError::Kind::Http);
    EXPECT_EQ(e.httpStatus, 404);
    EXPECT_EQ(e.code, QStringLiteral("ResourceGroupNotFound"));
    EXPECT_EQ(e.target, QStringLiteral("g1"));
    EXPECT_EQ(e.details.size(), 1);
    EXPECT_EQ(e.requestId, QStringLiteral("req-1"));
    EXPECT_EQ(e.correlationId, QStringLiteral("corr-1"));
    EXPECT_EQ(e.clientRequestId, QStringLiteral("cli-1"));
    EXPECT_EQ(e.subscriptionId, QStringLiteral("s1"));
    EXPECT_TRUE(e.isNotFound());
    const QString details = e.technicalDetails();
    for (const char *part : {"ResourceGroupNotFound", "404", "req-1", "corr-1", "cli-1"})
        EXPECT_TRUE(details.contains(QLatin1String(part))) << part;
}

TEST(ArmError, ParsesTheProviderFlatShapeWithANumericCode)
{
    const auto e
        = ArmError::fromResponse(jsonResponse(404, R"({"code": 404001, "httpStatusCode": "NotFound",
        "message": "The provisioning service 'd1' does not exist in resource group 'g'.", "details": "more"})"),
                                 kDpsPath);
    EXPECT_EQ(e.code, QStringLiteral("404001"));
    EXPECT_EQ(e.message,
              QStringLiteral(
                  "The provisioning service 'd1' does not exist in resource group 'g'."));
    ASSERT_EQ(e.details.size(), 1);
    EXPECT_EQ(e.details.at(0).toString(), QStringLiteral("more"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("mydps"))) << e.userMessage();
}

TEST(ArmError, ParsesTheProviderFlatShapeWithAStringCode)
{
    const auto e = ArmError::fromResponse(
        jsonResponse(
            409,
            R"({"code": "IotHubNameNotAvailable", "httpStatusCode": "Conflict", "message": "IotHub name 'h' is not available"})"),
        kHubPath);
    EXPECT_EQ(e.code, QStringLiteral("IotHubNameNotAvailable"));
    EXPECT_TRUE(e.isNameTaken());
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("choose another name"))) << e.userMessage();
}

TEST(ArmError, SurvivesBodiesThatAreNotJson)
{
    const auto e = ArmError::fromResponse(
        jsonResponse(502, "<html><body>Bad gateway</body></html>"));
    EXPECT_EQ(e.code, QStringLiteral("BadGateway"));
    EXPECT_TRUE(e.message.contains(QStringLiteral("Bad gateway")));
    const auto empty = ArmError::fromResponse(jsonResponse(503, ""));
    EXPECT_EQ(empty.code, QStringLiteral("ServiceUnavailable"));
    EXPECT_FALSE(empty.userMessage().isEmpty());
}

TEST(ArmError, ReadsRetryAfterInSecondsMillisecondsAndAsADate)
{
    auto e = armError(429,
                      QStringLiteral("SubscriptionRequestsThrottled"),
                      QStringLiteral("slow down"));
    EXPECT_EQ(e.retryAfterSeconds, -1);
    HttpResponse r = jsonResponse(429,
                                  R"({"error": {"code": "TooManyRequests", "message": "x"}})",
                                  {{"Retry-After", "17"}});
    EXPECT_EQ(ArmError::fromResponse(r).retryAfterSeconds, 17);
    r.headers = {{"retry-after-ms", "2500"}};
    EXPECT_EQ(ArmError::fromResponse(r).retryAfterSeconds, 3);
    const QString date = QLocale::c().toString(QDateTime::currentDateTimeUtc().addSecs(30),
                                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    r.headers = {{"Retry-After", date.toLatin1()}};
    const int fromDate = ArmError::fromResponse(r).retryAfterSeconds;
    EXPECT_GE(fromDate, 28);
    EXPECT_LE(fromDate, 30);
    EXPECT_TRUE(ArmError::fromResponse(r).isThrottled());
    r.headers = {{"Retry-After", "12"}};
    EXPECT_TRUE(ArmError::fromResponse(r).userMessage().contains(QStringLiteral("waiting 12 s")))
        << ArmError::fromResponse(r).userMessage();
}

TEST(ArmError, TellsTransportTimeoutCancelAndSignInFailuresApart)
{
    HttpResponse r;
    r.timedOut = true;
    r.networkError = QNetworkReply::OperationCanceledError;
    EXPECT_EQ(ArmError::fromResponse(r).kind, ArmError::Kind::Timeout);
    EXPECT_TRUE(ArmError::fromResponse(r).userMessage().contains(QStringLiteral("in time")));

    r = {};
    r.cancelled = true;
    EXPECT_TRUE(ArmError::fromResponse(r).isCancelled());

    r = {};
    r.networkError = QNetworkReply::SslHandshakeFailedError;
    r.errorString = QStringLiteral(
        "The host name did not match any of the valid hosts for this certificate");
    auto e = ArmError::fromResponse(r);
    EXPECT_EQ(e.kind, ArmError::Kind::Transport);
    EXPECT_EQ(e.code, QStringLiteral("SslHandshakeFailedError"));
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("TLS"))) << e.userMessage();

    r = {};
    r.networkError = QNetworkReply::HostNotFoundError;
    r.errorString = QStringLiteral("Host management.example.com not found");
    EXPECT_TRUE(ArmError::fromResponse(r).userMessage().contains(QStringLiteral("not found")))
        << ArmError::fromResponse(r).userMessage();

    r = {};
    r.networkError = QNetworkReply::AuthenticationRequiredError;
    r.errorCode = QStringLiteral("invalid_client");
    r.errorString = QStringLiteral("The client secret is wrong. Create a new one.");
    e = ArmError::fromResponse(r);
    EXPECT_EQ(e.kind, ArmError::Kind::Authentication);
    EXPECT_EQ(e.code, QStringLiteral("invalid_client"));
    EXPECT_EQ(e.userMessage(), QStringLiteral("The client secret is wrong. Create a new one."));
}

// Every ARM code of azure-arm.md section 7 (and the DPS link errors) gets an actionable message.
struct MessageCase
{
    int status;
    const char *code;
    const char *message;
    const char *scope;
    std::vector<const char *> expected; // all must appear in userMessage()
};

void PrintTo(const MessageCase &c, std::ostream *os)
{
    *os << c.status << " " << c.code;
}

class ArmErrorMessages : public ::testing::TestWithParam<MessageCase>
{};

TEST_P(ArmErrorMessages, SayWhatToDo)
{
    const MessageCase &c = GetParam();
    const QString scope = QString::fromLatin1(c.scope);
    const ArmError e
        = armError(c.status, QString::fromLatin1(c.code), QString::fromLatin1(c.message), scope);
    const QString text = e.userMessage();
    for (const char *part : c.expected)
        EXPECT_TRUE(text.contains(QString::fromUtf8(part), Qt::CaseInsensitive))
            << c.code << ": \"" << text << "\" lacks \"" << part << "\"";
}

INSTANTIATE_TEST_SUITE_P(
    AllCodes,
    ArmErrorMessages,
    ::testing::Values(
        MessageCase{409,
                    "MissingSubscriptionRegistration",
                    "The subscription is not registered to use namespace 'Microsoft.Devices'. See "
                    "https://aka.ms/rps-not-found.",
                    "/subscriptions/1f0c2a6e-0000-4000-8000-000000000002/providers/"
                    "Microsoft.Devices/IotHubs",
                    {"Microsoft.Devices",
                     "1f0c2a6e-0000-4000-8000-000000000002",
                     "register",
                     "--register-provider"}},
        MessageCase{409,
                    "409201",
                    "The provisioning service name 'mydps' is not available.",
                    "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Devices/"
                    "provisioningServices/mydps",
                    {"mydps", "choose another name"}},
        MessageCase{400, "AlreadyExists", "Name 'x' is already taken.", "", {"choose another name"}},
        MessageCase{403,
                    "AuthorizationFailed",
                    "The client 'abc' with object id 'abc' does not have authorization to perform "
                    "action 'Microsoft.Devices/IotHubs/write' over scope "
                    "'/subscriptions/s1/resourceGroups/rg' or the scope is invalid.",
                    "",
                    {"Microsoft.Devices/IotHubs/write",
                     "/subscriptions/s1/resourceGroups/rg",
                     "permission"}},
        MessageCase{
            401,
            "InvalidAuthenticationTokenTenant",
            "The access token is from the wrong issuer 'https://sts.windows.net/aaaa/'. It must "
            "match the tenant 'https://sts.windows.net/b3a1d5e2-0000-4000-8000-0000000fab01/' "
            "associated with this subscription.",
            "",
            {"b3a1d5e2-0000-4000-8000-0000000fab01", "Sign in to that tenant"}},
        MessageCase{401,
                    "ExpiredAuthenticationToken",
                    "The access token expiry UTC time is earlier than current UTC time.",
                    "",
                    {"expired", "Sign in again"}},
        MessageCase{401,
                    "InvalidAuthenticationToken",
                    "The access token is invalid.",
                    "",
                    {"Sign in again"}},
        MessageCase{429,
                    "SubscriptionRequestsThrottled",
                    "Number of read requests exceeded.",
                    "",
                    {"throttling"}},
        MessageCase{404,
                    "ResourceGroupNotFound",
                    "Resource group 'missing-rg' could not be found.",
                    "",
                    {"missing-rg", "Create it"}},
        MessageCase{
            404,
            "ResourceNotFound",
            "The Resource 'Microsoft.Devices/IotHubs/h9' under resource group 'rg' was not found.",
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/h9",
            {"h9", "not found"}},
        MessageCase{404,
                    "SubscriptionNotFound",
                    "The subscription 'deadbeef' could not be found.",
                    "/subscriptions/deadbeef",
                    {"deadbeef", "not found"}},
        MessageCase{400,
                    "InvalidApiVersionParameter",
                    "The api-version '1999-01-01' is invalid.",
                    "",
                    {"API version", "cloud"}},
        MessageCase{400,
                    "MissingApiVersionParameter",
                    "The api-version query parameter (?api-version=) is required for all requests.",
                    "",
                    {"API version"}},
        MessageCase{
            400,
            "NoRegisteredProviderFound",
            "No registered resource provider found for location 'x' and API version '2000-01-01'.",
            "",
            {"API version"}},
        MessageCase{409, "Conflict", "Operation conflicts.", "", {"Wait until it finishes"}},
        MessageCase{409,
                    "AnotherOperationInProgress",
                    "Another operation is in progress.",
                    "",
                    {"Wait until it finishes"}},
        MessageCase{409,
                    "ReadOnlyDisabledSubscription",
                    "The subscription 'sub-9' is disabled and therefore marked as read only.",
                    "/subscriptions/sub-9",
                    {"sub-9", "disabled", "Re-enable"}},
        MessageCase{400,
                    "InvalidResourceName",
                    "The resource name '-x' is invalid.",
                    "",
                    {"not valid", "-x"}},
        MessageCase{400,
                    "InvalidParameter",
                    "The value '0' of query parameter '$top' is not valid.",
                    "",
                    {"invalid", "$top", "Correct"}},
        MessageCase{400, "BadRequest", "Something is off.", "", {"invalid", "Something is off."}},
        MessageCase{409,
                    "ResourceGroupBeingDeleted",
                    "The resource group 'old-rg' is in deprovisioning state and cannot perform "
                    "this operation.",
                    "",
                    {"old-rg", "being deleted"}},
        MessageCase{403,
                    "RequestDisallowedByPolicy",
                    "Resource 'h' was disallowed by policy 'allowed-locations'.",
                    "",
                    {"Policy", "allowed-locations", "administrator"}},
        MessageCase{
            403,
            "LinkedAuthorizationFailed",
            "The client has permission to perform action 'A' on scope 'S'; however, it does not "
            "have permission to perform action(s) 'Microsoft.Network/x/join/action' on the linked "
            "scope(s) '/subscriptions/s2/rg/x'.",
            "",
            {"Microsoft.Network/x/join/action", "/subscriptions/s2/rg/x", "permission"}},
        MessageCase{400,
                    "LocationNotAvailableForResourceType",
                    "The provided location 'mars' is not available for resource type "
                    "'Microsoft.Devices/IotHubs'.",
                    "",
                    {"region", "Choose another region"}},
        MessageCase{412, "PreconditionFailed", "The ETag does not match.", "", {"changed", "Reload"}},
        MessageCase{400,
                    "400205",
                    "The connection string of a linked IoT hub is not valid.",
                    "",
                    {"connection string"}},
        MessageCase{400,
                    "400206",
                    "The IoT hub 'h.azure-devices.net' could not be reached.",
                    "",
                    {"could not reach the IoT hub"}},
        MessageCase{400, "400207", "rejected the key", "", {"rejected the access key"}},
        MessageCase{400, "400208", "missing rights", "", {"RegistryWrite", "ServiceConnect"}},
        MessageCase{400, "400209", "location required", "", {"region"}},
        MessageCase{400, "400210", "linked more than once", "", {"already linked"}},
        MessageCase{400, "400211", "The property 'idScope' is read-only.", "", {"read-only"}},
        MessageCase{400,
                    "400212",
                    "properties must be an object.",
                    "",
                    {"invalid", "properties must be an object."}},
        MessageCase{400, "400213", "The IoT hub 'h' is not active yet.", "", {"not active", "Wait"}},
        MessageCase{400, "400214", "bad weight", "", {"0 to 1000"}},
        MessageCase{400,
                    "FreeIotHubLimitExceeded",
                    "already has a free hub",
                    "",
                    {"free (F1)", "one is allowed per subscription"}},
        MessageCase{404,
                    "KeyNameNotFound",
                    "The shared access policy 'nope' does not exist on 'h'.",
                    "",
                    {"nope", "existing policy"}},
        MessageCase{500, "InternalServerError", "boom", "", {"temporary"}},
        MessageCase{418, "Teapot", "short and stout", "", {"Teapot", "short and stout"}}),
    [](const ::testing::TestParamInfo<MessageCase> &info) { return std::string(info.param.code); });

// ---- ArmClient over a FakeTransport -------------------------------------------------------------

class ArmClientFake : public ::testing::Test
{
protected:
    void SetUp() override
    {
        transport = std::make_shared<FakeTransport>();
        clock = std::make_shared<FakeClock>();
        cloud = Arm::Cloud::custom(QUrl(QStringLiteral("https://management.example.com/")),
                                   QUrl(QStringLiteral("https://login.example.com/")));
        client = std::make_unique<Arm::ArmClient>(makeTestPipeline({}, transport), cloud, clock);
        client->setDefaultPollIntervalMs(4000);
    }

    // Runs the event loop and the fake clock until `op` (an ArmOperation or ArmPager) signals.
    template<typename Obj, typename Arg>
    Outcome<Arg> run(Obj *obj, void (Obj::*finished)(const Arg &))
    {
        Outcome<Arg> out;
        QSignalSpy done(obj, finished);
        QSignalSpy failed(obj, &Obj::failed);
        for (int i = 0; i < 500 && done.isEmpty() && failed.isEmpty(); ++i) {
            QCoreApplication::processEvents();
            QCoreApplication::processEvents();
            if (done.isEmpty() && failed.isEmpty())
                clock->advanceToNext();
        }
        if (!done.isEmpty())
            out.value = done.first().first().template value<Arg>();
        else if (!failed.isEmpty())
            out.error = failed.first().first().template value<ArmError>();
        else
            out.timedOut = true;
        return out;
    }

    QByteArray url(const QString &path) const
    {
        return cloud.armEndpoint.resolved(QUrl(path)).toString().toLatin1();
    }

    std::shared_ptr<FakeTransport> transport;
    std::shared_ptr<FakeClock> clock;
    Arm::Cloud cloud;
    std::unique_ptr<Arm::ArmClient> client;
};

TEST_F(ArmClientFake, PutFollowsAzureAsyncOperationHonoursRetryAfterThenGetsTheResource)
{
    const QByteArray status = url(QStringLiteral("/op/1?api-version=2015-03-15"));
    transport->enqueueJson(201,
                           QJsonObject{{QStringLiteral("properties"),
                                        QJsonObject{{QStringLiteral("provisioningState"),
                                                     QStringLiteral("Accepted")}}}},
                           {{"Azure-AsyncOperation", status},
                            {"Location", url(QStringLiteral("/loc/1"))},
                            {"Retry-After", "3"}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("Running")}},
                           {{"retry-after-ms", "1500"}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("Succeeded")}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("name"), QStringLiteral("myhub")},
                                       {QStringLiteral("properties"),
                                        QJsonObject{{QStringLiteral("provisioningState"),
                                                     QStringLiteral("Succeeded")}}}});
    auto *op = client->beginPut(kHubPath,
                                QStringLiteral("2023-06-30"),
                                QJsonObject{
                                    {QStringLiteral("location"), QStringLiteral("westeurope")}});
    QSignalSpy progress(op, &Arm::ArmOperation::progress);
    QSignalSpy tokens(op, &Arm::ArmOperation::resumeTokenChanged);
    const auto out = run(op, &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_EQ(out.value->value(QStringLiteral("name")).toString(), QStringLiteral("myhub"));
    const auto requests = transport->requests();
    ASSERT_EQ(requests.size(), 4);
    EXPECT_EQ(requests[0].method, QByteArray("PUT"));
    EXPECT_EQ(requests[0].header("Content-Type"), QByteArray("application/json"));
    EXPECT_EQ(requests[1].url.toString().toLatin1(), status); // the status URL exactly as given
    EXPECT_EQ(requests[3].method, QByteArray("GET"));
    EXPECT_EQ(requests[3].url.path(), kHubPath);
    EXPECT_EQ(clock->requestedDelays(), (QList<int>{3000, 1500}));
    QStringList statuses;
    for (const auto &p : progress)
        statuses << p.first().toString();
    EXPECT_EQ(statuses,
              (QStringList{QStringLiteral("Accepted"),
                           QStringLiteral("Running"),
                           QStringLiteral("Succeeded")}));
    EXPECT_GE(tokens.size(), 1);
    EXPECT_EQ(client->requestCount(), 4);
}

TEST_F(ArmClientFake, PutFollowsLocationWhenThereIsNoAsyncHeaderAndUsesTheDefaultInterval)
{
    transport->enqueue(
        202,
        {{"Location",
          "/subscriptions/x/operationResults/1?api-version=2015-03-15"}}); // relative: resolved against ARM
    transport->enqueue(202);
    transport->enqueueJson(200, QJsonObject{{QStringLiteral("name"), QStringLiteral("early")}});
    transport->enqueueJson(200, QJsonObject{{QStringLiteral("name"), QStringLiteral("final")}});
    auto *op = client->beginPut(kDpsPath, QStringLiteral("2022-12-12"), {});
    const auto out = run(op, &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_EQ(out.value->value(QStringLiteral("name")).toString(), QStringLiteral("final"));
    const auto requests = transport->requests();
    ASSERT_EQ(requests.size(), 4);
    EXPECT_EQ(requests[1].url.host(), QStringLiteral("management.example.com"));
    EXPECT_EQ(requests[1].url.path(), QStringLiteral("/subscriptions/x/operationResults/1"));
    EXPECT_EQ(clock->requestedDelays(), (QList<int>{4000, 4000}));
}

TEST_F(ArmClientFake, PutWithoutHeadersPollsTheResourceUntilItsStateIsTerminal)
{
    auto state = [](const char *s) {
        return QJsonObject{
            {QStringLiteral("properties"),
             QJsonObject{{QStringLiteral("provisioningState"), QString::fromLatin1(s)}}}};
    };
    transport->enqueueJson(201, state("Creating"));
    transport->enqueueJson(200, state("Updating"), {{"Retry-After", "1"}});
    transport->enqueueJson(200, state("Succeeded"));
    auto *op = client->beginPut(kDpsPath, QStringLiteral("2022-12-12"), {});
    const auto out = run(op, &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_EQ(transport->requestCount(), 3); // the last poll is the final GET
    EXPECT_EQ(clock->requestedDelays(), (QList<int>{4000, 1000}));
}

TEST_F(ArmClientFake, APutAnsweredWithATerminalStateIsDoneWithoutPolling)
{
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("properties"),
                                        QJsonObject{{QStringLiteral("provisioningState"),
                                                     QStringLiteral("Succeeded")}}}},
                           {{"Azure-AsyncOperation", url(QStringLiteral("/op/2"))}});
    auto *op = client->beginPut(kDpsPath, QStringLiteral("2022-12-12"), {});
    ASSERT_TRUE(run(op, &Arm::ArmOperation::finished).ok());
    EXPECT_EQ(transport->requestCount(), 1);

    transport->enqueueJson(200, QJsonObject{{QStringLiteral("name"), QStringLiteral("no state")}});
    op = client->beginPut(kDpsPath, QStringLiteral("2022-12-12"), {});
    ASSERT_TRUE(run(op, &Arm::ArmOperation::finished).ok());
    EXPECT_EQ(transport->requestCount(), 2);
}

TEST_F(ArmClientFake, AFailedOperationCarriesTheStatusBodysError)
{
    transport->enqueue(201,
                       {{"Azure-AsyncOperation", url(QStringLiteral("/op/3"))},
                        {"x-ms-request-id", "r0"}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("Failed")},
                                       {QStringLiteral("error"),
                                        QJsonObject{{QStringLiteral("code"),
                                                     QStringLiteral("InternalServerError")},
                                                    {QStringLiteral("message"),
                                                     QStringLiteral("It broke.")}}}},
                           {{"x-ms-request-id", "r1"}});
    auto *op = client->beginPut(kDpsPath, QStringLiteral("2022-12-12"), {});
    const auto out = run(op, &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.error) << out.describe();
    EXPECT_EQ(out.error->code, QStringLiteral("InternalServerError"));
    EXPECT_EQ(out.error->message, QStringLiteral("It broke."));
    EXPECT_EQ(out.error->requestId, QStringLiteral("r1"));
    EXPECT_EQ(transport->requestCount(), 2); // no final GET after a failure

    transport->enqueue(202, {{"Azure-AsyncOperation", url(QStringLiteral("/op/4"))}});
    transport->enqueueJson(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("Canceled")}});
    op = client->beginDelete(kDpsPath, QStringLiteral("2022-12-12"));
    const auto canceled = run(op, &Arm::ArmOperation::finished);
    ASSERT_TRUE(canceled.error);
    EXPECT_EQ(canceled.error->code, QStringLiteral("OperationCanceled"));
}

TEST_F(ArmClientFake, DeleteOfSomethingMissingIsDoneAndDeleteFollowsLocationTo204)
{
    transport->enqueueJson(404, QJsonObject{{QStringLiteral("code"), 404001}});
    auto *op = client->beginDelete(kDpsPath, QStringLiteral("2022-12-12"));
    auto out = run(op, &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.ok());
    EXPECT_TRUE(out.value->isEmpty());

    transport->enqueue(202, {{"Location", url(QStringLiteral("/loc/9"))}, {"Retry-After", "2"}});
    transport->enqueue(202, {{"Retry-After", "2"}});
    transport->enqueue(204);
    op = client->beginDelete(kDpsPath, QStringLiteral("2022-12-12"));
    out = run(op, &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_TRUE(out.value->isEmpty());
    EXPECT_EQ(transport->requestCount(), 4);
}

TEST_F(ArmClientFake, ReadsRetryAfterAsAnHttpDate)
{
    const QDateTime due = QDateTime::fromMSecsSinceEpoch(clock->nowMs(), Qt::UTC).addSecs(7);
    const QByteArray date
        = QLocale::c().toString(due, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
    transport->enqueue(202,
                       {{"Azure-AsyncOperation", url(QStringLiteral("/op/5"))},
                        {"Retry-After", date}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("Succeeded")}});
    transport->enqueueJson(200, QJsonObject{});
    auto *op = client->beginPut(kDpsPath, QStringLiteral("2022-12-12"), {});
    ASSERT_TRUE(run(op, &Arm::ArmOperation::finished).ok());
    ASSERT_EQ(clock->requestedDelays().size(), 1);
    EXPECT_NEAR(clock->requestedDelays().first(), 7000, 1000);
}

TEST_F(ArmClientFake, NeverSendsTheTokenToAPollingUrlOnAnotherHost)
{
    transport->enqueue(202, {{"Azure-AsyncOperation", "https://evil.example.net/op/1"}});
    auto *op = client->beginPut(kDpsPath, QStringLiteral("2022-12-12"), {});
    const auto out = run(op, &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->kind, ArmError::Kind::Protocol);
    EXPECT_EQ(transport->requestCount(), 1);
}

TEST_F(ArmClientFake, ResumeTokenCarriesEverythingToContinueInAnotherClient)
{
    transport->enqueue(201,
                       {{"Azure-AsyncOperation",
                         url(QStringLiteral("/op/6?api-version=2015-03-15"))},
                        {"Retry-After", "30"}});
    auto *op
        = client->beginPut(kHubPath, QStringLiteral("2023-06-30"), {}, QStringLiteral("tenant-b"));
    QSignalSpy tokenSpy(op, &Arm::ArmOperation::resumeTokenChanged);
    for (int i = 0; i < 20 && tokenSpy.isEmpty(); ++i)
        QCoreApplication::processEvents();
    ASSERT_EQ(tokenSpy.size(), 1);
    const QString token = op->resumeToken();
    EXPECT_EQ(tokenSpy.first().first().toString(), token);
    const QJsonObject decoded
        = QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1())).object();
    EXPECT_EQ(decoded.value(QStringLiteral("method")).toString(), QStringLiteral("PUT"));
    EXPECT_EQ(decoded.value(QStringLiteral("kind")).toString(), QStringLiteral("async"));
    EXPECT_EQ(decoded.value(QStringLiteral("apiVersion")).toString(), QStringLiteral("2023-06-30"));
    EXPECT_EQ(decoded.value(QStringLiteral("tenantId")).toString(), QStringLiteral("tenant-b"));
    EXPECT_TRUE(
        decoded.value(QStringLiteral("pollUrl")).toString().contains(QStringLiteral("/op/6")));
    delete op; // the process "dies"

    auto other = std::make_unique<Arm::ArmClient>(makeTestPipeline({}, transport), cloud, clock);
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("status"), QStringLiteral("Succeeded")}});
    transport->enqueueJson(200, QJsonObject{{QStringLiteral("name"), QStringLiteral("myhub")}});
    auto *resumed = other->resume(token);
    EXPECT_EQ(resumed->resumeToken(), token);
    const auto out = run(resumed, &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_EQ(out.value->value(QStringLiteral("name")).toString(), QStringLiteral("myhub"));
    const auto requests = transport->requests();
    EXPECT_TRUE(requests[requests.size() - 2].url.toString().contains(QStringLiteral("/op/6")));
    EXPECT_EQ(requests.last().url.path(), kHubPath);
    EXPECT_EQ(requests.last().tenantId, QStringLiteral("tenant-b"));
}

TEST_F(ArmClientFake, ResumeRefusesBrokenOrForeignTokens)
{
    auto out = run(client->resume(QStringLiteral("%%% not base64")), &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->kind, ArmError::Kind::Protocol);
    const QJsonObject foreign{{QStringLiteral("method"), QStringLiteral("PUT")},
                              {QStringLiteral("kind"), QStringLiteral("async")},
                              {QStringLiteral("resourceUrl"),
                               QStringLiteral("https://evil.example.net/x")},
                              {QStringLiteral("pollUrl"),
                               QStringLiteral("https://evil.example.net/op")}};
    out = run(client->resume(QString::fromLatin1(QJsonDocument(foreign).toJson().toBase64())),
              &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.error);
    EXPECT_EQ(transport->requestCount(), 0);
}

TEST_F(ArmClientFake, CancelStopsPollingAndSaysCancelled)
{
    transport->enqueue(201,
                       {{"Azure-AsyncOperation", url(QStringLiteral("/op/7"))},
                        {"Retry-After", "5"}});
    auto *op = client->beginPut(kDpsPath, QStringLiteral("2022-12-12"), {});
    QSignalSpy failed(op, &Arm::ArmOperation::failed);
    QSignalSpy tokens(op, &Arm::ArmOperation::resumeTokenChanged);
    for (int i = 0; i < 20 && tokens.isEmpty(); ++i)
        QCoreApplication::processEvents();
    op->cancel();
    for (int i = 0; i < 20 && failed.isEmpty(); ++i)
        QCoreApplication::processEvents();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.first().first().value<ArmError>().isCancelled());
    clock->advance(60000);
    QCoreApplication::processEvents();
    EXPECT_EQ(transport->requestCount(), 1);
}

TEST_F(ArmClientFake, PagerFollowsNextLinksUntilEmptyAndPostsListkeysPages)
{
    const QString listkeys = kHubPath + QStringLiteral("/listkeys");
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("value"), QJsonArray{1, 2}},
                                       {QStringLiteral("nextLink"),
                                        QString::fromLatin1(
                                            url(listkeys
                                                + QStringLiteral(
                                                    "?api-version=2023-06-30&$skiptoken=a")))}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("value"), QJsonArray{}},
                                       {QStringLiteral("nextLink"),
                                        QString::fromLatin1(
                                            url(listkeys
                                                + QStringLiteral(
                                                    "?api-version=2023-06-30&$skiptoken=b")))}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("value"), QJsonArray{3}},
                                       {QStringLiteral("nextLink"), QJsonValue::Null}});
    auto *pager = client->list(listkeys, QStringLiteral("2023-06-30"), {}, "POST");
    QSignalSpy pages(pager, &Arm::ArmPager::pageReceived);
    const auto out = run(pager, &Arm::ArmPager::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_EQ(*out.value, (QJsonArray{1, 2, 3}));
    EXPECT_EQ(pages.size(), 3);
    for (const auto &r : transport->requests())
        EXPECT_EQ(r.method, QByteArray("POST"));
    EXPECT_TRUE(transport->requests().at(2).url.toString().contains(QStringLiteral("skiptoken=b")));
}

TEST_F(ArmClientFake, PagerStopsOnARepeatedLinkAndRefusesForeignLinks)
{
    const QString path = QStringLiteral("/subscriptions/s/resourcegroups");
    const QString again = QString::fromLatin1(
        url(path + QStringLiteral("?api-version=2021-04-01&$skiptoken=same")));
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("value"), QJsonArray{1}},
                                       {QStringLiteral("nextLink"), again}});
    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("value"), QJsonArray{2}},
                                       {QStringLiteral("nextLink"), again}});
    auto out = run(client->list(path, QStringLiteral("2021-04-01")), &Arm::ArmPager::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_EQ(*out.value, (QJsonArray{1, 2}));
    EXPECT_EQ(transport->requestCount(), 2);

    transport->enqueueJson(200,
                           QJsonObject{{QStringLiteral("value"), QJsonArray{1}},
                                       {QStringLiteral("nextLink"),
                                        QStringLiteral("https://evil.example.net/next")}});
    out = run(client->list(path, QStringLiteral("2021-04-01")), &Arm::ArmPager::finished);
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->kind, ArmError::Kind::Protocol);
    EXPECT_EQ(transport->requestCount(), 3);
}

TEST_F(ArmClientFake, RepliesSignalFromTheEventLoopEvenWhenTheCallFailsAtOnce)
{
    transport->enqueueNetworkError(QNetworkReply::ConnectionRefusedError);
    auto *reply = client->get(QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01"));
    QSignalSpy failed(reply, &Arm::ArmReply::failed);
    for (int i = 0; i < 20 && failed.isEmpty(); ++i)
        QCoreApplication::processEvents();
    ASSERT_EQ(failed.size(), 1);
    const auto e = failed.first().first().value<ArmError>();
    EXPECT_EQ(e.kind, ArmError::Kind::Transport);
    EXPECT_TRUE(e.userMessage().contains(QStringLiteral("refused"))) << e.userMessage();
}

TEST_F(ArmClientFake, HeadTreats404AsAnAnswer)
{
    transport->enqueue(404);
    auto *reply = client->head(QStringLiteral("/subscriptions/s/resourcegroups/g"),
                               QStringLiteral("2021-04-01"));
    const auto out = run(reply, &Arm::ArmReply::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    EXPECT_EQ(out.value->status, 404);
}

TEST_F(ArmClientFake, PutSendsIfMatchAndTheTenantsToken)
{
    transport->enqueueJson(200, QJsonObject{});
    auto *reply = client->put(kHubPath,
                              QStringLiteral("2023-06-30"),
                              QJsonObject{{QStringLiteral("a"), 1}},
                              QStringLiteral("t2"),
                              QStringLiteral("\"etag-1\""));
    ASSERT_TRUE(run(reply, &Arm::ArmReply::finished).ok());
    const auto r = transport->lastRequest();
    EXPECT_EQ(r.header("If-Match"), QByteArray("\"etag-1\""));
    EXPECT_EQ(r.tenantId, QStringLiteral("t2"));
    EXPECT_EQ(r.scope, cloud.armScope);
    EXPECT_EQ(r.url.query(), QStringLiteral("api-version=2023-06-30"));
    EXPECT_EQ(r.body, QByteArray(R"({"a":1})"));
}

// ---- AzureService over a FakeTransport ----------------------------------------------------------

class AzureServiceFake : public ArmClientFake
{
protected:
    void SetUp() override
    {
        ArmClientFake::SetUp();
        service = std::make_unique<Services::AzureService>(client.get());
        service->setProviderPollIntervalMs(1000);
    }
    template<typename T>
    Outcome<T> runCall(Services::ServiceCall *call)
    {
        auto raw = run(call, &Services::ServiceCall::finished);
        Outcome<T> out;
        out.error = raw.error;
        out.timedOut = raw.timedOut;
        if (raw.value)
            out.value = raw.value->template value<T>();
        return out;
    }
    static QJsonObject hubJson(bool disableLocalAuth = false)
    {
        return QJsonObject{{QStringLiteral("name"), QStringLiteral("myhub")},
                           {QStringLiteral("location"), QStringLiteral("eastus")},
                           {QStringLiteral("properties"),
                            QJsonObject{{QStringLiteral("state"), QStringLiteral("Active")},
                                        {QStringLiteral("provisioningState"),
                                         QStringLiteral("Succeeded")},
                                        {QStringLiteral("hostName"),
                                         QStringLiteral("myhub.azure-devices.net")},
                                        {QStringLiteral("disableLocalAuth"), disableLocalAuth}}}};
    }

    const Services::ResourceRef dps{kSub,
                                    QStringLiteral("rg"),
                                    QStringLiteral("mydps"),
                                    QStringLiteral("tenant-a")};
    const Services::ResourceRef hub{QStringLiteral("other-sub"),
                                    QStringLiteral("rg2"),
                                    QStringLiteral("myhub"),
                                    QStringLiteral("tenant-b")};
    std::unique_ptr<Services::AzureService> service;
};

TEST_F(AzureServiceFake, DeviceLocationsAreTheRegionsOfferingBothTypes)
{
    transport->setHandler([](const Http::HttpRequest &r) -> std::optional<HttpResponse> {
        if (r.url.path().endsWith(QLatin1String("/locations"))) {
            QJsonArray value;
            for (const auto &[name, display] : {std::pair{"westeurope", "West Europe"},
                                                {"eastus", "East US"},
                                                {"brazilsouth", "Brazil South"}})
                value.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                                         {QStringLiteral("displayName"), QLatin1String(display)}});
            return FakeTransport::json(200, QJsonObject{{QStringLiteral("value"), value}});
        }
        return FakeTransport::json(
            200,
            QJsonDocument::fromJson(
                R"({"namespace": "Microsoft.Devices", "registrationState": "Registered",
            "resourceTypes": [{"resourceType": "IotHubs", "locations": ["West Europe", "East US", "Brazil South"]},
                              {"resourceType": "provisioningServices", "locations": ["west europe", "Brazil South"]},
                              {"resourceType": "checkNameAvailability", "locations": []}]})")
                .object());
    });
    const auto out = runCall<QList<Arm::Location>>(service->listDeviceLocations(kSub));
    ASSERT_TRUE(out.ok()) << out.describe();
    QStringList names;
    for (const auto &l : *out.value)
        names << l.name;
    EXPECT_EQ(names, (QStringList{QStringLiteral("brazilsouth"), QStringLiteral("westeurope")}));
    EXPECT_EQ(transport->requestCount(), 2); // both asked at once
}

TEST_F(AzureServiceFake, LinkingAHubWithLocalAuthDisabledFailsBeforeAnyWrite)
{
    transport->enqueueJson(200, hubJson(true));
    const auto out = run(service->linkHub(dps, hub, {}), &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.error);
    EXPECT_EQ(out.error->code, QStringLiteral("HubLocalAuthDisabled"));
    EXPECT_EQ(transport->requestCount(), 1);
    EXPECT_EQ(transport->lastRequest().tenantId, QStringLiteral("tenant-b")); // the hub's tenant
}

TEST_F(AzureServiceFake, CancellingALinkStopsItBeforeThePut)
{
    transport->enqueueJson(200, hubJson());
    transport->enqueueHang(); // GET DPS never answers
    auto *op = service->linkHub(dps, hub, {});
    QSignalSpy failed(op, &Arm::ArmOperation::failed);
    for (int i = 0; i < 50 && transport->requestCount() < 2; ++i)
        QCoreApplication::processEvents();
    ASSERT_EQ(transport->requestCount(), 2);
    EXPECT_EQ(transport->lastRequest().tenantId, QStringLiteral("tenant-a")); // the DPS's tenant
    op->cancel();
    for (int i = 0; i < 50 && failed.isEmpty(); ++i)
        QCoreApplication::processEvents();
    ASSERT_EQ(failed.size(), 1);
    EXPECT_TRUE(failed.first().first().value<ArmError>().isCancelled());
    for (int i = 0; i < 20; ++i)
        QCoreApplication::processEvents();
    EXPECT_EQ(transport->requestCount(), 2);
}

TEST_F(AzureServiceFake, CallsInFlightGoAwayWithTheServiceAndClientThatMadeThem)
{
    // A sign-out or a closed window while a list is loading: what is in flight belongs to the service
    // and the client, and goes with them instead of living on unowned (the sanitizer build saw it leak).
    transport->enqueueHang();
    transport->enqueueHang();
    QPointer<Services::ServiceCall> call = service->listDps(kSub, {});
    QPointer<Arm::ArmPager> pager = client->list(QStringLiteral("/subscriptions/%1/resourceGroups").arg(kSub),
                                                 QStringLiteral("2021-04-01"));
    for (int i = 0; i < 50 && transport->requestCount() < 2; ++i)
        QCoreApplication::processEvents();
    ASSERT_EQ(transport->requestCount(), 2);
    ASSERT_TRUE(call && pager);
    EXPECT_EQ(call->parent(), service.get());
    EXPECT_EQ(pager->parent(), client.get());
    service.reset();
    EXPECT_TRUE(call.isNull());
    EXPECT_FALSE(pager.isNull()); // the client's own list lives as long as the client
    client.reset();
    EXPECT_TRUE(pager.isNull());
}

TEST_F(AzureServiceFake, ProviderRegistrationWaitIsBounded)
{
    transport->setHandler([](const Http::HttpRequest &) -> std::optional<HttpResponse> {
        return FakeTransport::json(200,
                                   QJsonObject{{QStringLiteral("namespace"),
                                                QStringLiteral("Microsoft.Devices")},
                                               {QStringLiteral("registrationState"),
                                                QStringLiteral("Registering")}});
    });
    auto *call = service->registerDevicesProvider(kSub);
    QSignalSpy failed(call, &Services::ServiceCall::failed);
    for (int i = 0; i < 2000 && failed.isEmpty(); ++i) {
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        clock->advanceToNext();
    }
    ASSERT_EQ(failed.size(), 1);
    const auto e = failed.first().first().value<ArmError>();
    EXPECT_EQ(e.code, QStringLiteral("ProviderRegistrationTimeout"));
    EXPECT_TRUE(e.userMessage().contains(kSub)) << e.userMessage();
    EXPECT_EQ(transport->requests().first().method, QByteArray("POST"));
    EXPECT_TRUE(transport->requests().first().url.path().endsWith(
        QLatin1String("/providers/Microsoft.Devices/register")));
    EXPECT_LE(transport->requestCount(),
              10 * 60 + 2); // one GET a second for ten minutes, then it gives up
}

TEST_F(AzureServiceFake, UpdatingALinkedHubKeepsTheOtherEntriesAndDropsReadOnlyFields)
{
    const QJsonObject current = QJsonDocument::fromJson(R"({
        "id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Devices/provisioningServices/mydps", "name": "mydps",
        "type": "Microsoft.Devices/ProvisioningServices", "etag": "AAAA", "location": "westeurope",
        "sku": {"name": "S1", "tier": "Standard", "capacity": 1},
        "properties": {"state": "Active", "provisioningState": "Succeeded", "idScope": "0ne00000001",
                       "serviceOperationsHostName": "mydps.azure-devices-provisioning.net",
                       "deviceProvisioningHostName": "global.azure-devices-provisioning.net", "allocationPolicy": "Hashed",
                       "ipFilterRules": [{"filterName": "f", "action": "Accept", "ipMask": "10.0.0.0/8"}],
                       "iotHubs": [{"name": "a.azure-devices.net", "connectionString": "HostName=a.azure-devices.net;SharedAccessKeyName=k;SharedAccessKey=****", "location": "westeurope", "allocationWeight": 1},
                                   {"name": "b.azure-devices.net", "connectionString": "HostName=b.azure-devices.net;SharedAccessKeyName=k;SharedAccessKey=****", "location": "eastus", "allocationWeight": 1}]}})")
                                    .object();
    transport->enqueueJson(200, current);
    transport->enqueueJson(200, current); // the PUT: terminal state, done
    const auto out
        = run(service->updateLinkedHub(dps, QStringLiteral("B.azure-devices.net"), 9, false),
              &Arm::ArmOperation::finished);
    ASSERT_TRUE(out.ok()) << out.describe();
    const auto put = transport->lastRequest();
    ASSERT_EQ(put.method, QByteArray("PUT"));
    const QJsonObject body = QJsonDocument::fromJson(put.body).object();
    for (const char *key : {"id", "name", "type", "etag"})
        EXPECT_FALSE(body.contains(QLatin1String(key))) << key;
    EXPECT_FALSE(body.value(QStringLiteral("sku")).toObject().contains(QStringLiteral("tier")));
    const QJsonObject props = body.value(QStringLiteral("properties")).toObject();
    for (const char *key : {"state",
                            "provisioningState",
                            "idScope",
                            "serviceOperationsHostName",
                            "deviceProvisioningHostName"})
        EXPECT_FALSE(props.contains(QLatin1String(key))) << key;
    EXPECT_EQ(props.value(QStringLiteral("ipFilterRules")).toArray().size(),
              1); // what we don't model survives
    const QJsonArray hubs = props.value(QStringLiteral("iotHubs")).toArray();
    ASSERT_EQ(hubs.size(), 2);
    EXPECT_EQ(hubs[0].toObject(),
              current.value(QStringLiteral("properties"))
                  .toObject()
                  .value(QStringLiteral("iotHubs"))
                  .toArray()[0]
                  .toObject());
    EXPECT_EQ(hubs[1].toObject().value(QStringLiteral("allocationWeight")).toInt(), 9);
    EXPECT_FALSE(hubs[1].toObject().value(QStringLiteral("applyAllocationPolicy")).toBool(true));
}
