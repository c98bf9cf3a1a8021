// The sandbox's Entra ID v2.0 endpoints over real HTTP: discovery, auth code + PKCE (with a real loopback
// listener playing the app's redirect target), the sign-in page, device code with the /devicelogin page,
// client credentials, refresh tokens across tenants, MFA and revocation, and Entra's error shape.
#include "SandboxFixture.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <gtest/gtest.h>

#include <memory>

using namespace Dps::Test;

namespace {

const QString kCliClientId = QStringLiteral("04b07795-8ddb-461a-bbee-02f9e1bf7b46");
const QString kArmScope = QStringLiteral("https://management.azure.com/.default");
const QString kClassicArmScope = QStringLiteral("https://management.core.windows.net//.default");
const QString kUserScopes = QStringLiteral("https://management.azure.com/.default offline_access openid profile");
const QString kContoso = QStringLiteral("72f988bf-0000-4000-8000-00000000c011");
const QString kFabrikam = QStringLiteral("b3a1d5e2-0000-4000-8000-0000000fab01");
const QString kAlex = QStringLiteral("alex@contoso.example");
const QString kAlexOid = QStringLiteral("0a1b2c3d-0000-4000-8000-00000000a1e5");

std::string str(const QString &s)
{
    return s.toStdString();
}

std::string str(const QByteArray &b)
{
    return b.toStdString();
}

QJsonObject jwtClaims(const QString &token)
{
    const auto parts = token.split(QLatin1Char('.'));
    if (parts.size() != 3)
        return {};
    const QByteArray payload = QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding);
    return QJsonDocument::fromJson(payload).object();
}

bool isGuid(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));
    return re.match(s).hasMatch();
}

struct Pkce
{
    QString verifier;
    QString challenge;

    static Pkce make()
    {
        QByteArray raw(32, Qt::Uninitialized);
        for (auto &c : raw)
            c = char(QRandomGenerator::global()->bounded(256));
        Pkce p;
        p.verifier = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        p.challenge = QString::fromLatin1(QCryptographicHash::hash(p.verifier.toLatin1(), QCryptographicHash::Sha256)
                                              .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        return p;
    }
};

QString htmlUnescape(QString s)
{
    s.replace(QLatin1String("&quot;"), QLatin1String("\""));
    s.replace(QLatin1String("&lt;"), QLatin1String("<"));
    s.replace(QLatin1String("&gt;"), QLatin1String(">"));
    s.replace(QLatin1String("&amp;"), QLatin1String("&"));
    return s;
}

// The hidden inputs of an HTML form, as a browser would submit them.
QList<QPair<QString, QString>> hiddenInputs(const QByteArray &html)
{
    QList<QPair<QString, QString>> out;
    static const QRegularExpression re(QStringLiteral("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">"));
    auto it = re.globalMatch(QString::fromUtf8(html));
    while (it.hasNext()) {
        const auto m = it.next();
        out.append({htmlUnescape(m.captured(1)), htmlUnescape(m.captured(2))});
    }
    return out;
}

QString formAction(const QByteArray &html)
{
    static const QRegularExpression re(QStringLiteral("<form method=\"POST\" action=\"([^\"]*)\""));
    return htmlUnescape(re.match(QString::fromUtf8(html)).captured(1));
}

// The app's loopback redirect listener (RFC 8252): records the request the browser makes after the 302.
class LoopbackListener
{
public:
    LoopbackListener()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    if (!buffer->contains("\r\n\r\n"))
                        return;
                    const QList<QByteArray> requestLine = buffer->left(buffer->indexOf("\r\n")).split(' ');
                    if (requestLine.size() >= 2)
                        m_received = QUrl::fromEncoded("http://localhost" + requestLine[1]);
                    ++m_hits;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nSigned in");
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString redirectUri() const { return QStringLiteral("http://localhost:%1").arg(m_server.serverPort()); }
    QUrl received() const { return m_received; }
    int hits() const { return m_hits; }

private:
    QTcpServer m_server;
    QUrl m_received;
    int m_hits = 0;
};

QString queryValue(const QUrl &url, const QString &key)
{
    return QUrlQuery(url).queryItemValue(key, QUrl::FullyDecoded);
}

// Every Entra error: the exact body shape, AADSTS code first, and no caching.
void expectEntraError(const HttpResult &r, int status, const QString &error, int code)
{
    SCOPED_TRACE(str(r.body));
    EXPECT_EQ(r.status, status);
    const QJsonObject j = r.json();
    EXPECT_EQ(j.value(QStringLiteral("error")).toString(), error);
    const QString description = j.value(QStringLiteral("error_description")).toString();
    EXPECT_TRUE(description.startsWith(QStringLiteral("AADSTS%1: ").arg(code))) << str(description);
    const QString traceId = j.value(QStringLiteral("trace_id")).toString();
    const QString correlationId = j.value(QStringLiteral("correlation_id")).toString();
    const QString timestamp = j.value(QStringLiteral("timestamp")).toString();
    EXPECT_TRUE(isGuid(traceId)) << str(traceId);
    EXPECT_FALSE(correlationId.isEmpty());
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ$")).match(timestamp).hasMatch()) << str(timestamp);
    EXPECT_TRUE(description.contains(QStringLiteral("\r\nTrace ID: ") + traceId));
    EXPECT_TRUE(description.contains(QStringLiteral("\r\nCorrelation ID: ") + correlationId));
    EXPECT_TRUE(description.contains(QStringLiteral("\r\nTimestamp: ") + timestamp));
    EXPECT_EQ(j.value(QStringLiteral("error_codes")).toArray(), QJsonArray{code});
    EXPECT_TRUE(j.value(QStringLiteral("error_uri")).toString().endsWith(QStringLiteral("error?code=%1").arg(code)));
    EXPECT_TRUE(r.header("Cache-Control").contains("no-store"));
}

class Entra : public ::testing::Test
{
protected:
    void start(SandboxProcess::Options options = {})
    {
        m_sandbox = std::make_unique<SandboxProcess>(options);
        QString error;
        ASSERT_TRUE(m_sandbox->start(&error)) << str(error);
        m_http = std::make_unique<HttpClient>(m_sandbox.get());
    }

    void startDemo(bool autoApprove = true, QStringList extraArgs = {})
    {
        SandboxProcess::Options o;
        o.world = QStringLiteral("demo");
        o.autoApprove = autoApprove;
        o.extraArgs = extraArgs;
        start(o);
    }

    HttpClient &http() { return *m_http; }
    SandboxProcess &sandbox() { return *m_sandbox; }

    QUrl url(const QString &path, const QList<QPair<QString, QString>> &query = {}) const
    {
        QUrl u = m_sandbox->baseUrl();
        u.setPath(path);
        if (!query.isEmpty()) {
            QByteArray q;
            for (const auto &item : query) {
                if (!q.isEmpty())
                    q += '&';
                q += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
            }
            u.setQuery(QString::fromLatin1(q), QUrl::StrictMode);
        }
        return u;
    }

    QList<QPair<QString, QString>> authorizeQuery(const QString &redirectUri, const Pkce &pkce,
                                                  const QString &scope = kUserScopes,
                                                  const QString &clientId = kCliClientId) const
    {
        return {{QStringLiteral("client_id"), clientId},
                {QStringLiteral("response_type"), QStringLiteral("code")},
                {QStringLiteral("redirect_uri"), redirectUri},
                {QStringLiteral("scope"), scope},
                {QStringLiteral("state"), QStringLiteral("st-123")},
                {QStringLiteral("nonce"), QStringLiteral("n-456")},
                {QStringLiteral("code_challenge"), pkce.challenge},
                {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
                {QStringLiteral("client_info"), QStringLiteral("1")}};
    }

    // /authorize with auto-approve, then the browser follows the 302 to the loopback listener: the code.
    QString signIn(const QString &tenant, const Pkce &pkce, LoopbackListener &listener,
                   QList<QPair<QString, QString>> extra = {}, const QString &scope = kUserScopes)
    {
        auto query = authorizeQuery(listener.redirectUri(), pkce, scope);
        query += extra;
        const HttpResult r = http().get(url(QStringLiteral("/%1/oauth2/v2.0/authorize").arg(tenant), query));
        EXPECT_EQ(r.status, 302) << str(r.body);
        const QUrl location = QUrl::fromEncoded(r.header("Location"));
        EXPECT_TRUE(location.toString().startsWith(listener.redirectUri() + QLatin1Char('/'))) << str(location.toString());
        const HttpResult browser = http().get(location);
        EXPECT_EQ(browser.status, 200) << str(browser.errorString);
        EXPECT_EQ(queryValue(listener.received(), QStringLiteral("state")), QStringLiteral("st-123"));
        return queryValue(listener.received(), QStringLiteral("code"));
    }

    HttpResult redeem(const QString &tenant, const QString &code, const QString &redirectUri, const QString &verifier,
                      const QString &scope = kUserScopes)
    {
        return http().postForm(url(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant)),
                               {{QStringLiteral("client_id"), kCliClientId},
                                {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                {QStringLiteral("code"), code},
                                {QStringLiteral("redirect_uri"), redirectUri},
                                {QStringLiteral("code_verifier"), verifier},
                                {QStringLiteral("scope"), scope},
                                {QStringLiteral("client_info"), QStringLiteral("1")}});
    }

    HttpResult refresh(const QString &tenant, const QString &refreshToken, const QString &scope = kUserScopes)
    {
        return http().postForm(url(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant)),
                               {{QStringLiteral("client_id"), kCliClientId},
                                {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                {QStringLiteral("refresh_token"), refreshToken},
                                {QStringLiteral("scope"), scope},
                                {QStringLiteral("client_info"), QStringLiteral("1")}});
    }

    // Interactive sign-in + redemption: the token response.
    QJsonObject userTokens(const QString &tenant, QList<QPair<QString, QString>> extra = {})
    {
        LoopbackListener listener;
        const Pkce pkce = Pkce::make();
        const QString code = signIn(tenant, pkce, listener, extra);
        const HttpResult r = redeem(tenant, code, listener.redirectUri(), pkce.verifier);
        EXPECT_EQ(r.status, 200) << str(r.body);
        return r.json();
    }

    HttpResult deviceCode(const QString &tenant, const QString &clientId = kCliClientId,
                          const QString &scope = kUserScopes)
    {
        return http().postForm(url(QStringLiteral("/%1/oauth2/v2.0/devicecode").arg(tenant)),
                               {{QStringLiteral("client_id"), clientId}, {QStringLiteral("scope"), scope}});
    }

    HttpResult pollDevice(const QString &tenant, const QString &device, const QString &clientId = kCliClientId)
    {
        return http().postForm(url(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant)),
                               {{QStringLiteral("client_id"), clientId},
                                {QStringLiteral("grant_type"), QStringLiteral("urn:ietf:params:oauth:grant-type:device_code")},
                                {QStringLiteral("device_code"), device}});
    }

    HttpResult deviceLogin(const QString &userCode, const QString &username, const QString &action)
    {
        return http().postForm(url(QStringLiteral("/devicelogin")),
                               {{QStringLiteral("user_code"), userCode},
                                {QStringLiteral("username"), username},
                                {QStringLiteral("action"), action}});
    }

    QJsonObject servicePrincipal() const
    {
        return m_sandbox->info().value(QStringLiteral("servicePrincipal")).toObject();
    }

    HttpResult clientCredentials(const QString &tenant, const QString &clientId, const QString &secret,
                                 const QString &scope = kArmScope)
    {
        return http().postForm(url(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant)),
                               {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                {QStringLiteral("client_id"), clientId},
                                {QStringLiteral("client_secret"), secret},
                                {QStringLiteral("scope"), scope}});
    }

    std::unique_ptr<SandboxProcess> m_sandbox;
    std::unique_ptr<HttpClient> m_http;
};

} // namespace

// ---------------------------------------------------------------------------------------------
// Discovery

TEST_F(Entra, OpenIdConfigurationForTenantDomainAndCommon)
{
    ASSERT_NO_FATAL_FAILURE(startDemo());
    const QString base = sandbox().baseUrl().toString();

    const HttpResult byId = http().get(url(QStringLiteral("/%1/v2.0/.well-known/openid-configuration").arg(kContoso)));
    ASSERT_EQ(byId.status, 200) << str(byId.body);
    const QJsonObject c = byId.json();
    EXPECT_EQ(c.value(QStringLiteral("issuer")).toString(), base + kContoso + QStringLiteral("/v2.0"));
    EXPECT_EQ(c.value(QStringLiteral("authorization_endpoint")).toString(), base + kContoso + QStringLiteral("/oauth2/v2.0/authorize"));
    EXPECT_EQ(c.value(QStringLiteral("token_endpoint")).toString(), base + kContoso + QStringLiteral("/oauth2/v2.0/token"));
    EXPECT_EQ(c.value(QStringLiteral("device_authorization_endpoint")).toString(), base + kContoso + QStringLiteral("/oauth2/v2.0/devicecode"));
    EXPECT_EQ(c.value(QStringLiteral("jwks_uri")).toString(), base + kContoso + QStringLiteral("/discovery/v2.0/keys"));
    EXPECT_TRUE(c.value(QStringLiteral("response_types_supported")).toArray().contains(QStringLiteral("code")));
    EXPECT_TRUE(c.value(QStringLiteral("scopes_supported")).toArray().contains(QStringLiteral("offline_access")));
    EXPECT_TRUE(c.value(QStringLiteral("code_challenge_methods_supported")).toArray().contains(QStringLiteral("S256")));

    // A domain resolves to the tenant id, as in Entra.
    const QJsonObject byDomain = http().get(url(QStringLiteral("/Fabrikam.Example/v2.0/.well-known/openid-configuration"))).json();
    EXPECT_EQ(byDomain.value(QStringLiteral("issuer")).toString(), base + kFabrikam + QStringLiteral("/v2.0"));
    EXPECT_EQ(byDomain.value(QStringLiteral("token_endpoint")).toString(), base + kFabrikam + QStringLiteral("/oauth2/v2.0/token"));

    // Multi-tenant authorities keep their name in the endpoints and a template issuer.
    const QJsonObject orgs = http().get(url(QStringLiteral("/organizations/v2.0/.well-known/openid-configuration"))).json();
    EXPECT_EQ(orgs.value(QStringLiteral("issuer")).toString(), base + QStringLiteral("{tenantid}/v2.0"));
    EXPECT_EQ(orgs.value(QStringLiteral("token_endpoint")).toString(), base + QStringLiteral("organizations/oauth2/v2.0/token"));
    const QJsonObject common = http().get(url(QStringLiteral("/common/v2.0/.well-known/openid-configuration"))).json();
    EXPECT_EQ(common.value(QStringLiteral("authorization_endpoint")).toString(), base + QStringLiteral("common/oauth2/v2.0/authorize"));
    const QJsonObject consumers = http().get(url(QStringLiteral("/consumers/v2.0/.well-known/openid-configuration"))).json();
    EXPECT_EQ(consumers.value(QStringLiteral("issuer")).toString(), base + QStringLiteral("9188040d-6c67-4c5b-b112-36a304b66dad/v2.0"));

    expectEntraError(http().get(url(QStringLiteral("/nowhere.example/v2.0/.well-known/openid-configuration"))), 400,
                     QStringLiteral("invalid_tenant"), 90002);
    expectEntraError(http().get(url(QStringLiteral("/00000000-0000-4000-8000-000000000000/v2.0/.well-known/openid-configuration"))),
                     400, QStringLiteral("invalid_tenant"), 90002);
    expectEntraError(http().get(url(QStringLiteral("/not_a_tenant/v2.0/.well-known/openid-configuration"))), 400,
                     QStringLiteral("invalid_tenant"), 900023);
}

TEST_F(Entra, KeysAndInstanceDiscovery)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const HttpResult keys = http().get(url(QStringLiteral("/common/discovery/v2.0/keys")));
    EXPECT_EQ(keys.status, 200);
    EXPECT_TRUE(keys.json().value(QStringLiteral("keys")).isArray());

    const QUrl base = sandbox().baseUrl();
    const QString host = QStringLiteral("%1:%2").arg(base.host()).arg(base.port());
    const HttpResult instance = http().get(url(QStringLiteral("/common/discovery/instance"),
                                               {{QStringLiteral("api-version"), QStringLiteral("1.1")},
                                                {QStringLiteral("authorization_endpoint"),
                                                 base.toString() + QStringLiteral("organizations/oauth2/v2.0/authorize")}}));
    ASSERT_EQ(instance.status, 200) << str(instance.body);
    const QJsonObject j = instance.json();
    EXPECT_EQ(j.value(QStringLiteral("api-version")).toString(), QStringLiteral("1.1"));
    EXPECT_EQ(j.value(QStringLiteral("tenant_discovery_endpoint")).toString(),
              base.toString() + QStringLiteral("organizations/v2.0/.well-known/openid-configuration"));
    const QJsonObject metadata = j.value(QStringLiteral("metadata")).toArray().first().toObject();
    EXPECT_EQ(metadata.value(QStringLiteral("preferred_network")).toString(), host);
    EXPECT_EQ(metadata.value(QStringLiteral("preferred_cache")).toString(), host);
    EXPECT_EQ(metadata.value(QStringLiteral("aliases")).toArray(), QJsonArray{host});

    expectEntraError(http().get(url(QStringLiteral("/common/discovery/instance"),
                                    {{QStringLiteral("api-version"), QStringLiteral("1.1")},
                                     {QStringLiteral("authorization_endpoint"),
                                      QStringLiteral("https://login.example.org/common/oauth2/v2.0/authorize")}})),
                     400, QStringLiteral("invalid_instance"), 50049);
}

TEST_F(Entra, DiscoveryOverHttpsUsesTheSchemeTheClientUsed)
{
    SandboxProcess::Options o;
    o.tls = true;
    ASSERT_NO_FATAL_FAILURE(start(o));
    const QString tenant = sandbox().tenantId();
    const HttpResult r = http().get(url(QStringLiteral("/%1/v2.0/.well-known/openid-configuration").arg(tenant)));
    ASSERT_EQ(r.status, 200) << str(r.errorString);
    EXPECT_TRUE(r.json().value(QStringLiteral("token_endpoint")).toString().startsWith(QStringLiteral("https://127.0.0.1:")));
    EXPECT_EQ(r.json().value(QStringLiteral("issuer")).toString(),
              sandbox().baseUrl().toString() + tenant + QStringLiteral("/v2.0"));
    // And the client-credentials helper of the fixture works over HTTPS.
    EXPECT_EQ(jwtClaims(http().servicePrincipalToken()).value(QStringLiteral("tid")).toString(), tenant);
}

// ---------------------------------------------------------------------------------------------
// Authorization code + PKCE

TEST_F(Entra, AuthCodePkceHappyPath)
{
    ASSERT_NO_FATAL_FAILURE(startDemo());
    LoopbackListener listener;
    const Pkce pkce = Pkce::make();
    const QString code = signIn(QStringLiteral("organizations"), pkce, listener);
    ASSERT_FALSE(code.isEmpty());
    EXPECT_EQ(listener.hits(), 1);
    EXPECT_EQ(code.count(QLatin1Char('.')), 1) << "an opaque code, not a JWT";

    const HttpResult r = redeem(QStringLiteral("organizations"), code, listener.redirectUri(), pkce.verifier);
    ASSERT_EQ(r.status, 200) << str(r.body);
    EXPECT_TRUE(r.header("Cache-Control").contains("no-store"));
    EXPECT_EQ(r.header("Pragma"), QByteArray("no-cache"));
    const QJsonObject j = r.json();
    EXPECT_EQ(j.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    EXPECT_EQ(j.value(QStringLiteral("expires_in")).toInt(), 3600);
    EXPECT_EQ(j.value(QStringLiteral("ext_expires_in")).toInt(), 3600);
    EXPECT_TRUE(j.value(QStringLiteral("scope")).toString().split(QLatin1Char(' ')).contains(kArmScope));
    EXPECT_FALSE(j.value(QStringLiteral("refresh_token")).toString().isEmpty());
    EXPECT_EQ(j.value(QStringLiteral("refresh_token")).toString().count(QLatin1Char('.')), 1) << "opaque, not a JWT";

    const QString accessToken = j.value(QStringLiteral("access_token")).toString();
    ASSERT_EQ(accessToken.split(QLatin1Char('.')).size(), 3);
    const QJsonObject at = jwtClaims(accessToken);
    EXPECT_EQ(at.value(QStringLiteral("tid")).toString(), kContoso);
    EXPECT_EQ(at.value(QStringLiteral("oid")).toString(), kAlexOid);
    EXPECT_EQ(at.value(QStringLiteral("aud")).toString(), QStringLiteral("https://management.azure.com"));
    EXPECT_EQ(at.value(QStringLiteral("scp")).toString(), QStringLiteral("user_impersonation"));
    EXPECT_EQ(at.value(QStringLiteral("appid")).toString(), kCliClientId);
    EXPECT_GT(at.value(QStringLiteral("exp")).toDouble(), at.value(QStringLiteral("iat")).toDouble());

    const QJsonObject id = jwtClaims(j.value(QStringLiteral("id_token")).toString());
    EXPECT_EQ(id.value(QStringLiteral("aud")).toString(), kCliClientId);
    EXPECT_EQ(id.value(QStringLiteral("iss")).toString(), sandbox().baseUrl().toString() + kContoso + QStringLiteral("/v2.0"));
    EXPECT_EQ(id.value(QStringLiteral("tid")).toString(), kContoso);
    EXPECT_EQ(id.value(QStringLiteral("oid")).toString(), kAlexOid);
    EXPECT_EQ(id.value(QStringLiteral("preferred_username")).toString(), kAlex);
    EXPECT_EQ(id.value(QStringLiteral("name")).toString(), QStringLiteral("Alex Wilber"));
    EXPECT_EQ(id.value(QStringLiteral("nonce")).toString(), QStringLiteral("n-456"));
    EXPECT_EQ(id.value(QStringLiteral("ver")).toString(), QStringLiteral("2.0"));

    const QJsonObject clientInfo = QJsonDocument::fromJson(QByteArray::fromBase64(
        j.value(QStringLiteral("client_info")).toString().toLatin1(), QByteArray::Base64UrlEncoding)).object();
    EXPECT_EQ(clientInfo.value(QStringLiteral("uid")).toString(), kAlexOid);
    EXPECT_EQ(clientInfo.value(QStringLiteral("utid")).toString(), kContoso);

    // The token works against ARM: the user's subscriptions of the signed-in tenant are listed.
    http().setBearer(accessToken);
    const HttpResult arm = http().get(http().arm(QStringLiteral("/subscriptions"), QStringLiteral("2022-12-01")));
    ASSERT_EQ(arm.status, 200) << str(arm.body);
    const QJsonArray subscriptions = arm.json().value(QStringLiteral("value")).toArray();
    EXPECT_FALSE(subscriptions.isEmpty());
    for (const auto &s : subscriptions)
        EXPECT_EQ(s.toObject().value(QStringLiteral("tenantId")).toString(), kContoso);
}

TEST_F(Entra, ClassicArmScopeGivesClassicAudienceAndIdTokenOnlyWithOpenid)
{
    ASSERT_NO_FATAL_FAILURE(start());
    LoopbackListener listener;
    const Pkce pkce = Pkce::make();
    const QString scope = kClassicArmScope + QStringLiteral(" offline_access");
    const QString code = signIn(QStringLiteral("organizations"), pkce, listener, {}, scope);
    const HttpResult r = redeem(QStringLiteral("organizations"), code, listener.redirectUri(), pkce.verifier, scope);
    ASSERT_EQ(r.status, 200) << str(r.body);
    const QJsonObject j = r.json();
    EXPECT_EQ(jwtClaims(j.value(QStringLiteral("access_token")).toString()).value(QStringLiteral("aud")).toString(),
              QStringLiteral("https://management.core.windows.net/"));
    EXPECT_FALSE(j.contains(QStringLiteral("id_token")));
    EXPECT_TRUE(j.contains(QStringLiteral("refresh_token")));
}

TEST_F(Entra, PkceMismatchIsInvalidGrant)
{
    ASSERT_NO_FATAL_FAILURE(start());
    LoopbackListener listener;
    const Pkce pkce = Pkce::make();
    const QString code = signIn(QStringLiteral("organizations"), pkce, listener);
    expectEntraError(redeem(QStringLiteral("organizations"), code, listener.redirectUri(), Pkce::make().verifier), 400,
                     QStringLiteral("invalid_grant"), 501481);
    expectEntraError(redeem(QStringLiteral("organizations"), code, listener.redirectUri(), QString()), 400,
                     QStringLiteral("invalid_grant"), 501481);
    // The right verifier still works afterwards.
    EXPECT_EQ(redeem(QStringLiteral("organizations"), code, listener.redirectUri(), pkce.verifier).status, 200);
}

TEST_F(Entra, CodeIsSingleUseAndBoundToItsRedirect)
{
    ASSERT_NO_FATAL_FAILURE(start());
    LoopbackListener listener;
    const Pkce pkce = Pkce::make();
    const QString code = signIn(QStringLiteral("organizations"), pkce, listener);
    expectEntraError(redeem(QStringLiteral("organizations"), code, QStringLiteral("http://localhost:1/other"), pkce.verifier),
                     400, QStringLiteral("invalid_grant"), 500112);
    ASSERT_EQ(redeem(QStringLiteral("organizations"), code, listener.redirectUri(), pkce.verifier).status, 200);
    expectEntraError(redeem(QStringLiteral("organizations"), code, listener.redirectUri(), pkce.verifier), 400,
                     QStringLiteral("invalid_grant"), 54005);
    expectEntraError(redeem(QStringLiteral("organizations"), QStringLiteral("1.AQnot-a-code"), listener.redirectUri(), pkce.verifier),
                     400, QStringLiteral("invalid_grant"), 9002313);
}

TEST_F(Entra, RedirectUriMismatchShowsErrorPageWithoutRedirect)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const Pkce pkce = Pkce::make();
    for (const QString &bad : {QStringLiteral("https://evil.example/callback"), QStringLiteral("http://127.0.0.1:8400"),
                               QStringLiteral("http://localhost.evil.example:8400/")}) {
        SCOPED_TRACE(str(bad));
        const HttpResult r = http().get(url(QStringLiteral("/organizations/oauth2/v2.0/authorize"), authorizeQuery(bad, pkce)));
        EXPECT_EQ(r.status, 400);
        EXPECT_TRUE(r.header("Location").isEmpty());
        EXPECT_TRUE(r.header("Content-Type").startsWith("text/html"));
        EXPECT_TRUE(r.body.contains("AADSTS50011")) << str(r.body);
    }
    // Loopback: any port and any path match the registered http://localhost (RFC 8252).
    const HttpResult ok = http().get(url(QStringLiteral("/organizations/oauth2/v2.0/authorize"),
                                         authorizeQuery(QStringLiteral("http://localhost:8400/auth/done"), pkce)));
    EXPECT_EQ(ok.status, 302);
    EXPECT_TRUE(ok.header("Location").startsWith("http://localhost:8400/auth/done?code="));
}

TEST_F(Entra, UnknownClientIsAnErrorPageAndUnauthorizedClient)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const Pkce pkce = Pkce::make();
    const QString unknown = QStringLiteral("11111111-2222-4333-8444-555555555555");
    const HttpResult page = http().get(url(QStringLiteral("/organizations/oauth2/v2.0/authorize"),
                                           authorizeQuery(QStringLiteral("http://localhost:8400"), pkce, kUserScopes, unknown)));
    EXPECT_EQ(page.status, 400);
    EXPECT_TRUE(page.header("Location").isEmpty());
    EXPECT_TRUE(page.body.contains("AADSTS700016")) << str(page.body);

    const HttpResult token = http().postForm(url(QStringLiteral("/organizations/oauth2/v2.0/token")),
                                             {{QStringLiteral("client_id"), unknown},
                                              {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                              {QStringLiteral("code"), QStringLiteral("x")}});
    expectEntraError(token, 400, QStringLiteral("unauthorized_client"), 700016);
}

TEST_F(Entra, UnknownScopeOrResourceRedirectsWithErrorAndState)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const Pkce pkce = Pkce::make();
    struct Case { QString scope; QString error; QString code; };
    const QList<Case> cases{{QStringLiteral("foo openid"), QStringLiteral("invalid_scope"), QStringLiteral("AADSTS70011:")},
                            {QStringLiteral("openid profile offline_access"), QStringLiteral("invalid_scope"), QStringLiteral("AADSTS70011:")},
                            {QStringLiteral("https://vault.example.net/.default openid"), QStringLiteral("invalid_resource"),
                             QStringLiteral("AADSTS500011:")}};
    for (const auto &c : cases) {
        SCOPED_TRACE(str(c.scope));
        const HttpResult r = http().get(url(QStringLiteral("/organizations/oauth2/v2.0/authorize"),
                                            authorizeQuery(QStringLiteral("http://localhost:8400"), pkce, c.scope)));
        ASSERT_EQ(r.status, 302) << str(r.body);
        const QUrl location = QUrl::fromEncoded(r.header("Location"));
        EXPECT_EQ(location.host(), QStringLiteral("localhost"));
        EXPECT_EQ(queryValue(location, QStringLiteral("error")), c.error);
        EXPECT_TRUE(queryValue(location, QStringLiteral("error_description")).startsWith(c.code));
        EXPECT_EQ(queryValue(location, QStringLiteral("state")), QStringLiteral("st-123"));
        EXPECT_TRUE(queryValue(location, QStringLiteral("code")).isEmpty());
    }
}

TEST_F(Entra, SignInPageWhenAutoApproveIsOff)
{
    SandboxProcess::Options o;
    o.world = QStringLiteral("demo");
    o.autoApprove = false;
    ASSERT_NO_FATAL_FAILURE(start(o));
    LoopbackListener listener;
    const Pkce pkce = Pkce::make();
    auto query = authorizeQuery(listener.redirectUri(), pkce);
    // A hostile state must come back verbatim in the redirect but never as markup in the page.
    const QString state = QStringLiteral("<script>alert(1)</script>&x=\"y\"");
    for (auto &item : query) {
        if (item.first == QLatin1String("state"))
            item.second = state;
    }
    query.append({QStringLiteral("login_hint"), kAlex});
    const HttpResult page = http().get(url(QStringLiteral("/organizations/oauth2/v2.0/authorize"), query));
    ASSERT_EQ(page.status, 200) << str(page.body);
    EXPECT_TRUE(page.header("Content-Type").startsWith("text/html"));
    EXPECT_TRUE(page.body.contains("Microsoft Azure CLI"));
    EXPECT_TRUE(page.body.contains(kArmScope.toUtf8()));
    EXPECT_TRUE(page.body.contains("value=\"alex@contoso.example\""));
    EXPECT_FALSE(page.body.contains("<script>alert(1)"));
    EXPECT_TRUE(page.body.contains("&lt;script&gt;"));
    EXPECT_TRUE(page.header("Cache-Control").contains("no-store"));

    // Submit the form like a browser: its action, its hidden fields, the user name, the pressed button.
    const QString action = formAction(page.body);
    EXPECT_EQ(action, QStringLiteral("/organizations/oauth2/v2.0/authorize"));
    auto form = hiddenInputs(page.body);
    EXPECT_TRUE(form.contains({QStringLiteral("state"), state}));
    auto approveForm = form;
    approveForm += {{QStringLiteral("username"), kAlex}, {QStringLiteral("action"), QStringLiteral("approve")}};
    const HttpResult approved = http().postForm(url(action), approveForm);
    ASSERT_EQ(approved.status, 302) << str(approved.body);
    const QUrl location = QUrl::fromEncoded(approved.header("Location"));
    EXPECT_EQ(queryValue(location, QStringLiteral("state")), state);
    const QString code = queryValue(location, QStringLiteral("code"));
    ASSERT_FALSE(code.isEmpty());
    const HttpResult token = redeem(QStringLiteral("organizations"), code, listener.redirectUri(), pkce.verifier);
    EXPECT_EQ(token.status, 200) << str(token.body);

    auto declineForm = form;
    declineForm += {{QStringLiteral("username"), kAlex}, {QStringLiteral("action"), QStringLiteral("decline")}};
    const HttpResult declined = http().postForm(url(action), declineForm);
    ASSERT_EQ(declined.status, 302);
    const QUrl declinedLocation = QUrl::fromEncoded(declined.header("Location"));
    EXPECT_EQ(queryValue(declinedLocation, QStringLiteral("error")), QStringLiteral("access_denied"));
    EXPECT_TRUE(queryValue(declinedLocation, QStringLiteral("error_description")).startsWith(QStringLiteral("AADSTS65004:")));
    EXPECT_EQ(queryValue(declinedLocation, QStringLiteral("state")), state);

    auto unknownUser = form;
    unknownUser += {{QStringLiteral("username"), QStringLiteral("nobody@contoso.example")}, {QStringLiteral("action"), QStringLiteral("approve")}};
    const HttpResult again = http().postForm(url(action), unknownUser);
    EXPECT_EQ(again.status, 200);
    EXPECT_TRUE(again.body.contains("AADSTS50034"));

    // prompt=none can't show the page: login_required.
    auto silent = authorizeQuery(listener.redirectUri(), pkce);
    silent.append({QStringLiteral("prompt"), QStringLiteral("none")});
    const HttpResult none = http().get(url(QStringLiteral("/organizations/oauth2/v2.0/authorize"), silent));
    ASSERT_EQ(none.status, 302);
    EXPECT_EQ(queryValue(QUrl::fromEncoded(none.header("Location")), QStringLiteral("error")), QStringLiteral("login_required"));
}

// ---------------------------------------------------------------------------------------------
// Device code

TEST_F(Entra, DeviceCodeApprovedThroughDeviceLoginPage)
{
    ASSERT_NO_FATAL_FAILURE(startDemo(true, {QStringLiteral("--device-code-interval"), QStringLiteral("1")}));
    const HttpResult start = deviceCode(QStringLiteral("organizations"));
    ASSERT_EQ(start.status, 200) << str(start.body);
    const QJsonObject d = start.json();
    const QString device = d.value(QStringLiteral("device_code")).toString();
    const QString userCode = d.value(QStringLiteral("user_code")).toString();
    const QString uri = d.value(QStringLiteral("verification_uri")).toString();
    EXPECT_EQ(uri, sandbox().baseUrl().toString() + QStringLiteral("devicelogin"));
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[A-Z0-9]{9}$")).match(userCode).hasMatch()) << str(userCode);
    EXPECT_EQ(d.value(QStringLiteral("expires_in")).toInt(), 900);
    EXPECT_EQ(d.value(QStringLiteral("interval")).toInt(), 1);
    EXPECT_EQ(d.value(QStringLiteral("message")).toString(),
              QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.").arg(uri, userCode));

    expectEntraError(pollDevice(QStringLiteral("organizations"), device), 400, QStringLiteral("authorization_pending"), 70016);

    // The person: opens the page, enters the code, approves.
    const HttpResult page = http().get(QUrl(uri + QStringLiteral("?otc=") + userCode));
    ASSERT_EQ(page.status, 200);
    EXPECT_TRUE(page.body.contains("Microsoft Azure CLI"));
    EXPECT_EQ(formAction(page.body), QStringLiteral("/devicelogin"));
    const HttpResult wrong = deviceLogin(QStringLiteral("AAAAAAAAA"), kAlex, QStringLiteral("approve"));
    EXPECT_EQ(wrong.status, 400);
    EXPECT_TRUE(wrong.body.contains("AADSTS70018"));
    const HttpResult approved = deviceLogin(userCode.left(4) + QLatin1Char('-') + userCode.mid(4).toLower(), kAlex,
                                            QStringLiteral("approve"));
    ASSERT_EQ(approved.status, 200) << str(approved.body);
    EXPECT_TRUE(approved.body.contains("signed in"));
    EXPECT_EQ(deviceLogin(userCode, kAlex, QStringLiteral("approve")).status, 400) << "a user code works once";

    QTest::qWait(1100); // the interval
    const HttpResult token = pollDevice(QStringLiteral("organizations"), device);
    ASSERT_EQ(token.status, 200) << str(token.body);
    const QJsonObject j = token.json();
    const QJsonObject at = jwtClaims(j.value(QStringLiteral("access_token")).toString());
    EXPECT_EQ(at.value(QStringLiteral("oid")).toString(), kAlexOid);
    EXPECT_EQ(at.value(QStringLiteral("tid")).toString(), kContoso);
    EXPECT_FALSE(j.value(QStringLiteral("refresh_token")).toString().isEmpty());
    EXPECT_EQ(jwtClaims(j.value(QStringLiteral("id_token")).toString()).value(QStringLiteral("preferred_username")).toString(), kAlex);
    // Redeemed once.
    expectEntraError(pollDevice(QStringLiteral("organizations"), device), 400, QStringLiteral("invalid_grant"), 54005);
    expectEntraError(pollDevice(QStringLiteral("organizations"), QStringLiteral("DAQABIQEAAAunknown")), 400,
                     QStringLiteral("bad_verification_code"), 70000);
}

TEST_F(Entra, DeviceCodeSlowDownWhenPollingTooFast)
{
    ASSERT_NO_FATAL_FAILURE(start({}));
    // Default interval: 5 s.
    const QString device = deviceCode(QStringLiteral("organizations")).json().value(QStringLiteral("device_code")).toString();
    ASSERT_FALSE(device.isEmpty());
    expectEntraError(pollDevice(QStringLiteral("organizations"), device), 400, QStringLiteral("authorization_pending"), 70016);
    const HttpResult fast = pollDevice(QStringLiteral("organizations"), device);
    expectEntraError(fast, 400, QStringLiteral("slow_down"), 70016);
    EXPECT_TRUE(fast.json().value(QStringLiteral("error_description")).toString().contains(QStringLiteral("every 10 seconds")));
    expectEntraError(pollDevice(QStringLiteral("organizations"), device), 400, QStringLiteral("slow_down"), 70016);
}

TEST_F(Entra, DeviceCodeExpires)
{
    SandboxProcess::Options o;
    o.extraArgs = {QStringLiteral("--device-code-expiry"), QStringLiteral("1"), QStringLiteral("--device-code-interval"),
                   QStringLiteral("0")};
    ASSERT_NO_FATAL_FAILURE(start(o));
    const QJsonObject d = deviceCode(QStringLiteral("organizations")).json();
    EXPECT_EQ(d.value(QStringLiteral("expires_in")).toInt(), 1);
    QTest::qWait(1200);
    expectEntraError(pollDevice(QStringLiteral("organizations"), d.value(QStringLiteral("device_code")).toString()), 400,
                     QStringLiteral("expired_token"), 70019);
    const HttpResult late = deviceLogin(d.value(QStringLiteral("user_code")).toString(), QString(), QStringLiteral("approve"));
    EXPECT_EQ(late.status, 400);
    EXPECT_TRUE(late.body.contains("AADSTS70019"));
}

TEST_F(Entra, DeviceCodeDeclined)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const QJsonObject d = deviceCode(QStringLiteral("organizations")).json();
    const HttpResult declined = deviceLogin(d.value(QStringLiteral("user_code")).toString(), QString(), QStringLiteral("decline"));
    EXPECT_EQ(declined.status, 200);
    EXPECT_TRUE(declined.body.contains("declined"));
    expectEntraError(pollDevice(QStringLiteral("organizations"), d.value(QStringLiteral("device_code")).toString()), 400,
                     QStringLiteral("authorization_declined"), 70000);
}

TEST_F(Entra, DeviceCodeNeedsPublicClientFlows)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const QString confidential = servicePrincipal().value(QStringLiteral("clientId")).toString();
    const QString tenant = sandbox().tenantId();
    const HttpResult started = deviceCode(tenant, confidential);
    ASSERT_EQ(started.status, 200) << str(started.body);
    expectEntraError(pollDevice(tenant, started.json().value(QStringLiteral("device_code")).toString(), confidential), 401,
                     QStringLiteral("invalid_client"), 7000218);
    expectEntraError(deviceCode(tenant, QStringLiteral("11111111-2222-4333-8444-555555555555")), 400,
                     QStringLiteral("unauthorized_client"), 700016);
}

// ---------------------------------------------------------------------------------------------
// Client credentials

TEST_F(Entra, ClientCredentials)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const QJsonObject sp = servicePrincipal();
    const QString tenant = sp.value(QStringLiteral("tenantId")).toString();
    const QString clientId = sp.value(QStringLiteral("clientId")).toString();
    const QString secret = sp.value(QStringLiteral("clientSecret")).toString();

    const HttpResult ok = clientCredentials(tenant, clientId, secret);
    ASSERT_EQ(ok.status, 200) << str(ok.body);
    const QJsonObject j = ok.json();
    EXPECT_EQ(j.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
    EXPECT_FALSE(j.contains(QStringLiteral("refresh_token")));
    EXPECT_FALSE(j.contains(QStringLiteral("id_token")));
    EXPECT_TRUE(ok.header("Cache-Control").contains("no-store"));
    const QJsonObject at = jwtClaims(j.value(QStringLiteral("access_token")).toString());
    EXPECT_EQ(at.value(QStringLiteral("tid")).toString(), tenant);
    EXPECT_EQ(at.value(QStringLiteral("oid")).toString(), sp.value(QStringLiteral("objectId")).toString());
    EXPECT_EQ(at.value(QStringLiteral("appid")).toString(), clientId);
    EXPECT_EQ(at.value(QStringLiteral("aud")).toString(), QStringLiteral("https://management.azure.com"));
    EXPECT_TRUE(at.value(QStringLiteral("roles")).isArray());
    EXPECT_FALSE(at.contains(QStringLiteral("scp")));

    // HTTP Basic (RFC 6749 2.3.1: form-encoded id and secret).
    const QByteArray basic = (QUrl::toPercentEncoding(clientId) + ':' + QUrl::toPercentEncoding(secret)).toBase64();
    const HttpResult viaBasic = http().send("POST", url(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant)),
                                            "grant_type=client_credentials&scope=" + QUrl::toPercentEncoding(kClassicArmScope),
                                            {{"Content-Type", "application/x-www-form-urlencoded"}, {"Authorization", "Basic " + basic}});
    ASSERT_EQ(viaBasic.status, 200) << str(viaBasic.body);
    EXPECT_EQ(jwtClaims(viaBasic.json().value(QStringLiteral("access_token")).toString()).value(QStringLiteral("aud")).toString(),
              QStringLiteral("https://management.core.windows.net/"));

    expectEntraError(clientCredentials(tenant, clientId, secret + QStringLiteral("x")), 401, QStringLiteral("invalid_client"), 7000215);
    const QByteArray badBasic = (QUrl::toPercentEncoding(clientId) + ":wrong").toBase64();
    const HttpResult wrongBasic = http().send("POST", url(QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant)),
                                              "grant_type=client_credentials&scope=" + QUrl::toPercentEncoding(kArmScope),
                                              {{"Content-Type", "application/x-www-form-urlencoded"}, {"Authorization", "Basic " + badBasic}});
    expectEntraError(wrongBasic, 401, QStringLiteral("invalid_client"), 7000215);
    expectEntraError(clientCredentials(tenant, clientId, secret, QStringLiteral("https://management.azure.com/user_impersonation")),
                     400, QStringLiteral("invalid_scope"), 1002012);
    expectEntraError(clientCredentials(tenant, clientId, secret, QStringLiteral("https://vault.example.net/.default")), 400,
                     QStringLiteral("invalid_resource"), 500011);
    expectEntraError(clientCredentials(QStringLiteral("organizations"), clientId, secret), 400, QStringLiteral("invalid_request"), 50059);
    expectEntraError(clientCredentials(tenant, kCliClientId, QStringLiteral("s")), 401, QStringLiteral("invalid_client"), 700025);
}

// ---------------------------------------------------------------------------------------------
// Refresh tokens, tenants, MFA, revocation

TEST_F(Entra, RefreshTokenRotatesAndOldOneStaysValid)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const QJsonObject first = userTokens(QStringLiteral("organizations"));
    const QString rt1 = first.value(QStringLiteral("refresh_token")).toString();
    ASSERT_FALSE(rt1.isEmpty());

    const HttpResult r2 = refresh(QStringLiteral("organizations"), rt1);
    ASSERT_EQ(r2.status, 200) << str(r2.body);
    const QString rt2 = r2.json().value(QStringLiteral("refresh_token")).toString();
    EXPECT_FALSE(rt2.isEmpty());
    EXPECT_NE(rt2, rt1);
    EXPECT_NE(r2.json().value(QStringLiteral("access_token")).toString(), first.value(QStringLiteral("access_token")).toString());
    EXPECT_TRUE(r2.json().contains(QStringLiteral("id_token")));
    EXPECT_TRUE(r2.json().contains(QStringLiteral("client_info")));

    EXPECT_EQ(refresh(QStringLiteral("organizations"), rt1).status, 200) << "the old refresh token stays valid";
    const HttpResult classic = refresh(QStringLiteral("organizations"), rt2, kClassicArmScope);
    ASSERT_EQ(classic.status, 200) << str(classic.body);
    EXPECT_EQ(jwtClaims(classic.json().value(QStringLiteral("access_token")).toString()).value(QStringLiteral("aud")).toString(),
              QStringLiteral("https://management.core.windows.net/"));
    // Bound to the client.
    const HttpResult otherClient = http().postForm(url(QStringLiteral("/organizations/oauth2/v2.0/token")),
                                                   {{QStringLiteral("client_id"), QStringLiteral("5a1e0d4c-9b7e-4f0a-a3d2-0d95e7a1c001")},
                                                    {QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                    {QStringLiteral("refresh_token"), rt2},
                                                    {QStringLiteral("scope"), kArmScope}});
    expectEntraError(otherClient, 400, QStringLiteral("invalid_grant"), 70000);
}

TEST_F(Entra, OneRefreshTokenServesEveryTenantOfTheUser)
{
    ASSERT_NO_FATAL_FAILURE(startDemo());
    const QJsonObject home = userTokens(QStringLiteral("organizations"));
    EXPECT_EQ(jwtClaims(home.value(QStringLiteral("access_token")).toString()).value(QStringLiteral("tid")).toString(), kContoso);
    const QString rt = home.value(QStringLiteral("refresh_token")).toString();

    const HttpResult fabrikam = refresh(kFabrikam, rt);
    ASSERT_EQ(fabrikam.status, 200) << str(fabrikam.body);
    const QJsonObject at = jwtClaims(fabrikam.json().value(QStringLiteral("access_token")).toString());
    EXPECT_EQ(at.value(QStringLiteral("tid")).toString(), kFabrikam);
    EXPECT_EQ(at.value(QStringLiteral("oid")).toString(), kAlexOid);
    EXPECT_EQ(jwtClaims(fabrikam.json().value(QStringLiteral("id_token")).toString()).value(QStringLiteral("tid")).toString(), kFabrikam);

    const HttpResult byDomain = refresh(QStringLiteral("fabrikam.example"), rt);
    ASSERT_EQ(byDomain.status, 200);
    EXPECT_EQ(jwtClaims(byDomain.json().value(QStringLiteral("access_token")).toString()).value(QStringLiteral("tid")).toString(), kFabrikam);

    expectEntraError(refresh(QStringLiteral("consumers"), rt), 400, QStringLiteral("invalid_grant"), 50020);
    expectEntraError(refresh(QStringLiteral("unknown.example"), rt), 400, QStringLiteral("invalid_request"), 90002);
}

TEST_F(Entra, RevokedUnknownAndExpiredRefreshTokens)
{
    SandboxProcess::Options o;
    o.world = QStringLiteral("demo");
    o.extraArgs = {QStringLiteral("--refresh-token-lifetime"), QStringLiteral("2")};
    ASSERT_NO_FATAL_FAILURE(start(o));
    const QString rt = userTokens(QStringLiteral("organizations")).value(QStringLiteral("refresh_token")).toString();
    expectEntraError(refresh(QStringLiteral("organizations"), QStringLiteral("0.AQnot-a-refresh-token")), 400,
                     QStringLiteral("invalid_grant"), 9002313);

    const HttpResult revoke = http().postJson(url(QStringLiteral("/_sandbox/refresh-tokens/revoke")),
                                              QJsonObject{{QStringLiteral("username"), kAlex}});
    ASSERT_EQ(revoke.status, 200) << str(revoke.body);
    EXPECT_EQ(revoke.json().value(QStringLiteral("revoked")).toInt(), 1);
    expectEntraError(refresh(QStringLiteral("organizations"), rt), 400, QStringLiteral("invalid_grant"), 50173);

    const QString fresh = userTokens(QStringLiteral("organizations")).value(QStringLiteral("refresh_token")).toString();
    EXPECT_EQ(refresh(QStringLiteral("organizations"), fresh).status, 200);
    QTest::qWait(2200);
    expectEntraError(refresh(QStringLiteral("organizations"), fresh), 400, QStringLiteral("invalid_grant"), 700082);
}

TEST_F(Entra, MfaTenantAnswersInteractionRequiredUntilAnMfaSignIn)
{
    ASSERT_NO_FATAL_FAILURE(startDemo());
    const QString rt = userTokens(QStringLiteral("organizations")).value(QStringLiteral("refresh_token")).toString();

    const HttpResult mfa = http().postJson(url(QStringLiteral("/_sandbox/tenants/%1").arg(kFabrikam)),
                                           QJsonObject{{QStringLiteral("requireMfa"), true}});
    ASSERT_EQ(mfa.status, 200) << str(mfa.body);
    EXPECT_TRUE(mfa.json().value(QStringLiteral("requireMfa")).toBool());

    const HttpResult denied = refresh(kFabrikam, rt);
    expectEntraError(denied, 400, QStringLiteral("interaction_required"), 50076);
    EXPECT_FALSE(denied.json().value(QStringLiteral("suberror")).toString().isEmpty());
    EXPECT_EQ(refresh(kContoso, rt).status, 200) << "the home tenant has no such policy";

    // Interactive sign-in to that tenant (which performs MFA): its tokens work there.
    const QJsonObject signedIn = userTokens(kFabrikam, {{QStringLiteral("login_hint"), kAlex}});
    EXPECT_EQ(jwtClaims(signedIn.value(QStringLiteral("access_token")).toString()).value(QStringLiteral("tid")).toString(), kFabrikam);
    const HttpResult again = refresh(kFabrikam, signedIn.value(QStringLiteral("refresh_token")).toString());
    EXPECT_EQ(again.status, 200) << str(again.body);

    EXPECT_EQ(http().postJson(url(QStringLiteral("/_sandbox/tenants/00000000-0000-4000-8000-000000000000")),
                              QJsonObject{{QStringLiteral("requireMfa"), true}}).status, 404);
}

TEST_F(Entra, StateSurvivesARestart)
{
    QTemporaryDir dir;
    SandboxProcess::Options o;
    o.stateFile = dir.filePath(QStringLiteral("state.json"));
    ASSERT_NO_FATAL_FAILURE(start(o));
    LoopbackListener listener;
    const Pkce pkce = Pkce::make();
    const QString code = signIn(QStringLiteral("organizations"), pkce, listener);
    const HttpResult first = redeem(QStringLiteral("organizations"), code, listener.redirectUri(), pkce.verifier);
    ASSERT_EQ(first.status, 200);
    const QString rt = first.json().value(QStringLiteral("refresh_token")).toString();
    sandbox().stop();

    ASSERT_NO_FATAL_FAILURE(start(o));
    EXPECT_EQ(refresh(QStringLiteral("organizations"), rt).status, 200);
    expectEntraError(redeem(QStringLiteral("organizations"), code, listener.redirectUri(), pkce.verifier), 400,
                     QStringLiteral("invalid_grant"), 54005);
    sandbox().stop(); // before the state file's directory goes away
}

// ---------------------------------------------------------------------------------------------
// Token endpoint details

TEST_F(Entra, AccessTokenLifetimeFollowsTheOption)
{
    SandboxProcess::Options o;
    o.tokenLifetime = 120;
    ASSERT_NO_FATAL_FAILURE(start(o));
    const QJsonObject user = userTokens(QStringLiteral("organizations"));
    EXPECT_EQ(user.value(QStringLiteral("expires_in")).toInt(), 120);
    const QJsonObject at = jwtClaims(user.value(QStringLiteral("access_token")).toString());
    EXPECT_EQ(qint64(at.value(QStringLiteral("exp")).toDouble()) - qint64(at.value(QStringLiteral("iat")).toDouble()), 120);
    const QJsonObject app = jwtClaims(http().servicePrincipalToken());
    EXPECT_EQ(qint64(app.value(QStringLiteral("exp")).toDouble()) - qint64(app.value(QStringLiteral("iat")).toDouble()), 120);
}

TEST_F(Entra, TokenEndpointErrorsHaveEntrasShape)
{
    ASSERT_NO_FATAL_FAILURE(start());
    const QUrl tokenUrl = url(QStringLiteral("/organizations/oauth2/v2.0/token"));
    expectEntraError(http().postJson(tokenUrl, QJsonObject{{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}}),
                     400, QStringLiteral("invalid_request"), 900144);
    expectEntraError(http().postForm(tokenUrl, {{QStringLiteral("client_id"), kCliClientId}}), 400,
                     QStringLiteral("invalid_request"), 900144);
    expectEntraError(http().postForm(tokenUrl, {{QStringLiteral("grant_type"), QStringLiteral("password")},
                                                {QStringLiteral("client_id"), kCliClientId}}),
                     400, QStringLiteral("unsupported_grant_type"), 70003);
    expectEntraError(http().postForm(tokenUrl, {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                                                {QStringLiteral("client_id"), kCliClientId},
                                                {QStringLiteral("client_secret"), QStringLiteral("nope")},
                                                {QStringLiteral("code"), QStringLiteral("x")}}),
                     401, QStringLiteral("invalid_client"), 700025);
    expectEntraError(http().postForm(url(QStringLiteral("/11111111-2222-4333-8444-555555555555/oauth2/v2.0/token")),
                                     {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")}}),
                     400, QStringLiteral("invalid_request"), 90002);
    expectEntraError(http().get(tokenUrl), 400, QStringLiteral("invalid_request"), 900561);

    // client-request-id becomes the correlation id and is echoed, as Entra does for MSAL.
    const QString correlation = QStringLiteral("3f2d6a4e-1111-4222-8333-444455556666");
    const HttpResult r = http().send("POST", tokenUrl, "grant_type=password&client_id=" + kCliClientId.toLatin1(),
                                     {{"Content-Type", "application/x-www-form-urlencoded"},
                                      {"client-request-id", correlation.toLatin1()}});
    EXPECT_EQ(r.json().value(QStringLiteral("correlation_id")).toString(), correlation);
    EXPECT_EQ(r.header("client-request-id"), correlation.toLatin1());
}
