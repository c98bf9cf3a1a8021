// Microsoft Entra ID v2.0 endpoints of the sandbox (entra-auth-and-secrets.md section 1):
//
//   GET  /{tenant}/v2.0/.well-known/openid-configuration      OIDC discovery
//   GET  /common/discovery/instance                           MSAL instance discovery
//   GET  /{tenant}/discovery/v2.0/keys                        JWKS (empty: our tokens are HMAC-signed)
//   GET  /{tenant}/oauth2/v2.0/authorize   (+ POST)           auth code (+ PKCE): 302 to the redirect URI, or the
//                                                             sign-in page that posts back here (Approve / Decline)
//   POST /{tenant}/oauth2/v2.0/token                          authorization_code, refresh_token, client_credentials,
//                                                             urn:ietf:params:oauth:grant-type:device_code
//   POST /{tenant}/oauth2/v2.0/devicecode                     device authorization (RFC 8628)
//   GET  /devicelogin  (+ POST)                               where a person enters the user code
//   POST /_sandbox/tenants/{tenantId}, /_sandbox/refresh-tokens/revoke   admin knobs for MFA and revocation
//
// Every error has Entra's body: {error, error_description "AADSTSnnnnn: ...\r\nTrace ID...", error_codes, timestamp,
// trace_id, correlation_id, error_uri}. Errors about the client id or the redirect URI are shown on an HTML page,
// never redirected (the redirect target can't be trusted); the rest of /authorize's errors go to the redirect URI.
//
// MFA model: a sign-in (authorize or device code) against a tenant that has requireMfa performs MFA; its refresh
// tokens carry mfaSatisfied. Redeeming a refresh token for a requireMfa tenant without it answers
// interaction_required / AADSTS50076, as Entra does for a token from a tenant without that policy.
//
// Codes, device codes and refresh tokens are random opaque strings kept in the World (persisted); none of them,
// nor any secret, is ever logged.

#include "Jwt.h"
#include "Sandbox.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <memory>
#include <optional>

namespace Dps::Sandbox {

namespace {

const QString kConsumersTenantId = QStringLiteral("9188040d-6c67-4c5b-b112-36a304b66dad");
// "Windows Azure Service Management API": the app id behind ARM's two audiences.
const QString kArmAppId = QStringLiteral("797f4846-ba00-4fd7-ba43-dac1f8f63013");
const QString kDeviceCodeGrant = QStringLiteral("urn:ietf:params:oauth:grant-type:device_code");
constexpr qint64 kAuthCodeLifetimeMs = 10 * 60 * 1000;
constexpr qint64 kKeepExpiredMs = 60 * 60 * 1000; // expired codes stay an hour, so errors stay precise
constexpr qint64 kPollToleranceMs = 200;           // timer jitter of clients that do wait the interval

// ---------------------------------------------------------------------------------------------
// Small helpers

// application/x-www-form-urlencoded (also used for query strings): '+' is a space, names are
// case-sensitive, the first occurrence wins.
class Params
{
public:
    static Params parse(const QByteArray &encoded)
    {
        Params p;
        const auto parts = encoded.split('&');
        for (const QByteArray &part : parts) {
            if (part.isEmpty())
                continue;
            const int eq = part.indexOf('=');
            QByteArray key = eq < 0 ? part : part.left(eq);
            QByteArray value = eq < 0 ? QByteArray() : part.mid(eq + 1);
            key.replace('+', ' ');
            value.replace('+', ' ');
            p.m_items.append({QString::fromUtf8(QByteArray::fromPercentEncoding(key)),
                              QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
        }
        return p;
    }
    QString value(const QString &key) const
    {
        for (const auto &item : m_items) {
            if (item.first == key)
                return item.second;
        }
        return {};
    }
    bool has(const QString &key) const
    {
        for (const auto &item : m_items) {
            if (item.first == key)
                return true;
        }
        return false;
    }
    const QList<QPair<QString, QString>> &items() const { return m_items; }

private:
    QList<QPair<QString, QString>> m_items;
};

QString baseOf(const Request &request)
{
    return request.baseUrl.toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash) + QLatin1Char('/');
}

QByteArray randomBytes(int n)
{
    QByteArray raw(n, Qt::Uninitialized);
    auto *rng = QRandomGenerator::system();
    for (int i = 0; i < n; ++i)
        raw[i] = char(rng->bounded(256));
    return raw;
}

// Entra's codes and refresh tokens are opaque strings like "1.AQ..." / "0.AQ...".
QString opaqueToken(const char *prefix, int bytes)
{
    return QString::fromLatin1(prefix) + QString::fromLatin1(Jwt::base64Url(randomBytes(bytes)));
}

bool isGuid(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    return re.match(s).hasMatch();
}

bool isDnsName(const QString &s)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"));
    return s.size() <= 253 && re.match(s).hasMatch();
}

bool containsCi(const QStringList &list, const QString &value)
{
    return list.contains(value, Qt::CaseInsensitive);
}

bool isFormContent(const Request &request)
{
    const QByteArray type = request.header("content-type").split(';').first().trimmed().toLower();
    return type == "application/x-www-form-urlencoded";
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (int i = 0; i < ha.size(); ++i)
        diff |= static_cast<unsigned char>(ha[i] ^ hb[i]);
    return diff == 0 && a.size() == b.size();
}

QString entraTimestamp(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QLatin1Char('Z');
}

// MSAL sends client-request-id; Entra uses it as the correlation id and echoes it.
QString correlationOf(const Request &request)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9-]{1,64}$"));
    const QString sent = QString::fromLatin1(request.header("client-request-id"));
    if (safe.match(sent).hasMatch())
        return sent;
    return request.correlationId;
}

void addEntraHeaders(const Sandbox &sandbox, const Request &request, Response &response, bool cacheable = false)
{
    if (cacheable) {
        response.setHeader("Cache-Control", "max-age=86400, private");
        response.setHeader("Access-Control-Allow-Origin", "*");
    } else {
        response.setHeader("Cache-Control", "no-store, no-cache");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "-1");
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    if (sandbox.isTls())
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    if (!request.header("client-request-id").isEmpty())
        response.setHeader("client-request-id", correlationOf(request).toLatin1());
}

// An Entra error before it gets its trace ids.
struct Failure
{
    int status = 400;
    QString error;
    int code = 0;
    QString text;
    QString suberror;
};

Failure fail(const QString &error, int code, const QString &text, int status = 400)
{
    return Failure{status, error, code, text, {}};
}

Failure missingParameter(const QString &name)
{
    return fail(QStringLiteral("invalid_request"), 900144,
                QStringLiteral("The request body must contain the following parameter: '%1'.").arg(name));
}

Failure malformedGrant()
{
    return fail(QStringLiteral("invalid_grant"), 9002313, QStringLiteral("Invalid request. Request is malformed or invalid."));
}

// ---------------------------------------------------------------------------------------------
// Authorities ({tenant} of the path) and scopes

struct Authority
{
    enum Kind { Specific, Common, Organizations, Consumers };
    Kind kind = Specific;
    QString segment;  // as the client sent it
    QString tenantId; // Specific: the tenant's id
    QString label;    // for messages: display name or the segment
};

struct ScopeSet
{
    QStringList items;          // as requested, deduplicated
    QStringList resourceScopes; // e.g. https://management.azure.com/.default
    QString audience;           // the first resource: the access token's aud
    bool openid = false;
    bool profile = false;
    bool email = false;
    bool offline = false;
    bool allDefault = true; // every resource scope is <resource>/.default
    int resources = 0;      // distinct resources
};

class EntraApi
{
public:
    explicit EntraApi(Sandbox &sandbox)
        : m_sandbox(sandbox)
    {}

    // Creates the API object; every route's handler shares ownership of it.
    static void registerRoutes(Sandbox &sandbox);

private:
    World &world() { return m_sandbox.world(); }

    // Discovery
    Response openidConfiguration(Request &request);
    Response instanceDiscovery(Request &request);
    Response keys(Request &request);
    Response errorInfoPage(Request &request);

    // /authorize
    struct AuthorizeRequest
    {
        Authority authority;
        Params params;
        Application app;
        QString redirectUri; // as sent (empty: the registered default was used)
        QString target;      // where the browser goes back to
        QString responseMode = QStringLiteral("query");
        QString state;
        ScopeSet scopes;
    };
    Response authorize(Request &request);
    // Validates in Entra's order; on failure *out holds the error page or the error redirect.
    bool validateAuthorize(const Request &request, const Params &params, AuthorizeRequest *a, Response *out);
    Response approve(const Request &request, const AuthorizeRequest &a, const Principal &user);
    Response signInPage(const Request &request, const AuthorizeRequest &a, const QString &username,
                        const QString &error = {});
    Response redirectToClient(const Request &request, const AuthorizeRequest &a, QList<QPair<QString, QString>> fields);
    Response redirectError(const Request &request, const AuthorizeRequest &a, const Failure &f);
    Response errorPage(const Request &request, const Failure &f);

    // /token and /devicecode
    Response token(Request &request);
    Response tokenWrongMethod(Request &request);
    Response authorizationCodeGrant(const Request &request, const Authority &authority, const Params &form);
    Response refreshTokenGrant(const Request &request, const Authority &authority, const Params &form);
    Response clientCredentialsGrant(const Request &request, const Authority &authority, const Params &form);
    Response deviceCodeGrant(const Request &request, const Authority &authority, const Params &form);
    Response deviceAuthorization(Request &request);

    // /devicelogin
    Response deviceLoginPage(Request &request);
    Response deviceLoginSubmit(Request &request);
    Response deviceLoginForm(const Request &request, int status, const QString &userCode, const QString &username,
                             const QString &error);

    // Admin
    Response adminTenant(Request &request);
    Response adminRevoke(Request &request);

    // Shared
    std::optional<Failure> resolveAuthority(const QString &segment, Authority *out);
    std::optional<Failure> parseScopes(const Request &request, const QString &scope, const Authority &authority,
                                       ScopeSet *out);
    std::optional<QString> audienceFor(const Request &request, const QString &resource) const;
    struct ClientAuth
    {
        QString clientId;
        QString secret;
        bool hasSecret = false;
        bool hasAssertion = false;
        bool basic = false;
    };
    ClientAuth readClient(const Request &request, const Params &form) const;
    // Client authentication of the user flows. A public client must not send a secret (700025), a confidential one
    // must send the right one. The device code flow treats an app as public when it allows public client flows.
    std::optional<Failure> authenticateClient(const Authority &authority, const ClientAuth &client, bool devicePublicFlow,
                                              Application *out);
    std::optional<Failure> signInTenant(const Authority &authority, const Principal &user, const Application &app,
                                        QString *tenantId);
    const Principal *defaultUser(const Authority &authority, const QString &domainHint);
    QJsonObject userTokenBody(const Request &request, const Principal &user, const QString &tenantId,
                              const ScopeSet &scopes, const Application &app, const QString &nonce,
                              bool clientInfo, bool issueRefresh, const QString &refreshScope, bool mfaSatisfied);
    Response tokenSuccess(const Request &request, const QJsonObject &body);
    Response errorJson(const Request &request, const Failure &f, bool basicAuth = false);
    QJsonObject errorObject(const Request &request, const Failure &f);
    QString describe(const Request &request, const Failure &f, const QString &timestamp);
    void housekeeping();

    Sandbox &m_sandbox;
};

// ---------------------------------------------------------------------------------------------
// Errors

QString EntraApi::describe(const Request &request, const Failure &f, const QString &timestamp)
{
    return QStringLiteral("AADSTS%1: ").arg(f.code) + f.text
           + QStringLiteral("\r\nTrace ID: ") + request.requestId
           + QStringLiteral("\r\nCorrelation ID: ") + correlationOf(request)
           + QStringLiteral("\r\nTimestamp: ") + timestamp;
}

QJsonObject EntraApi::errorObject(const Request &request, const Failure &f)
{
    const QString timestamp = entraTimestamp(world().nowMs());
    QJsonObject body{{QStringLiteral("error"), f.error},
                     {QStringLiteral("error_description"), describe(request, f, timestamp)},
                     {QStringLiteral("error_codes"), QJsonArray{f.code}},
                     {QStringLiteral("timestamp"), timestamp},
                     {QStringLiteral("trace_id"), request.requestId},
                     {QStringLiteral("correlation_id"), correlationOf(request)},
                     {QStringLiteral("error_uri"), baseOf(request) + QStringLiteral("error?code=%1").arg(f.code)}};
    if (!f.suberror.isEmpty())
        body.insert(QStringLiteral("suberror"), f.suberror);
    return body;
}

Response EntraApi::errorJson(const Request &request, const Failure &f, bool basicAuth)
{
    Response r = Response::json(f.status, errorObject(request, f));
    if (f.status == 401 && basicAuth)
        r.setHeader("WWW-Authenticate", "Basic realm=\"arm-sandbox\"");
    addEntraHeaders(m_sandbox, request, r);
    return r;
}

QString pageShell(const QString &title, const QString &body)
{
    return QStringLiteral(
               "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
               "<title>%1</title><style>"
               "body{font-family:'Segoe UI',sans-serif;background:#f2f2f2;margin:0}"
               "main{max-width:440px;margin:48px auto;background:#fff;padding:36px 44px;box-shadow:0 2px 6px rgba(0,0,0,.2)}"
               "h1{font-size:22px;font-weight:600}label{display:block;margin-top:14px}"
               "input[type=text]{width:100%;box-sizing:border-box;padding:6px;font-size:15px}"
               "button{margin:18px 8px 0 0;padding:6px 20px;font-size:15px}"
               ".primary{background:#0067b8;color:#fff;border:0}.error{color:#e81123}"
               ".details{color:#666;font-size:12px;word-break:break-all}"
               "footer{text-align:center;color:#666;font-size:12px}</style></head><body><main>")
               .arg(title.toHtmlEscaped())
           + body
           + QStringLiteral("</main><footer>arm-sandbox: a local emulator of Microsoft Entra ID. "
                            "No real account or password is involved.</footer></body></html>\n");
}

Response EntraApi::errorPage(const Request &request, const Failure &f)
{
    const QString body = QStringLiteral("<h1>Sign in</h1><p>Sorry, but we're having trouble signing you in.</p>"
                                        "<p class=\"error\" id=\"error\">%1</p>")
                             .arg((QStringLiteral("AADSTS%1: ").arg(f.code) + f.text).toHtmlEscaped())
                         + QStringLiteral("<p class=\"details\">Request Id: %1<br>Correlation Id: %2<br>Timestamp: %3</p>")
                               .arg(request.requestId, correlationOf(request).toHtmlEscaped(),
                                    entraTimestamp(world().nowMs()));
    Response r = Response::html(f.status, pageShell(QStringLiteral("Sign in to your account"), body));
    addEntraHeaders(m_sandbox, request, r);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Authorities and scopes

std::optional<Failure> EntraApi::resolveAuthority(const QString &segment, Authority *out)
{
    Authority a;
    a.segment = segment;
    a.label = segment;
    const QString lower = segment.toLower();
    if (lower == QLatin1String("common")) {
        a.kind = Authority::Common;
    } else if (lower == QLatin1String("organizations")) {
        a.kind = Authority::Organizations;
    } else if (lower == QLatin1String("consumers") || lower == kConsumersTenantId) {
        a.kind = Authority::Consumers;
        a.label = QStringLiteral("Microsoft Services");
    } else if (isGuid(segment)) {
        const Tenant *t = world().tenant(segment);
        if (!t)
            return fail(QStringLiteral("invalid_request"), 90002,
                        QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.")
                            .arg(segment));
        a.tenantId = t->tenantId;
        a.label = t->displayName;
    } else if (isDnsName(segment)) {
        const Tenant *found = nullptr;
        for (const auto &t : world().tenants) {
            if (t.defaultDomain.compare(segment, Qt::CaseInsensitive) == 0) {
                found = &t;
                break;
            }
        }
        if (!found)
            return fail(QStringLiteral("invalid_request"), 90002,
                        QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.")
                            .arg(segment));
        a.tenantId = found->tenantId;
        a.label = found->displayName;
    } else {
        return fail(QStringLiteral("invalid_request"), 900023,
                    QStringLiteral("Specified tenant identifier '%1' is neither a valid DNS name, nor a valid external domain.")
                        .arg(segment.left(100)));
    }
    *out = a;
    return std::nullopt;
}

std::optional<QString> EntraApi::audienceFor(const Request &request, const QString &resource) const
{
    if (resource.compare(kArmAppId, Qt::CaseInsensitive) == 0)
        return QStringLiteral("https://management.core.windows.net/");
    QString normalized = resource.toLower();
    while (normalized.endsWith(QLatin1Char('/')))
        normalized.chop(1);
    const QStringList known{QStringLiteral("https://management.azure.com"),
                            QStringLiteral("https://management.core.windows.net"),
                            baseOf(request).toLower().chopped(1),
                            m_sandbox.baseUrl().toString(QUrl::FullyEncoded | QUrl::StripTrailingSlash).toLower()};
    if (normalized.isEmpty() || !known.contains(normalized))
        return std::nullopt;
    return resource;
}

// Scopes of one request: OIDC scopes plus <resource>/<permission> items. Resources are ARM (both audiences,
// or its app id) and the sandbox's own URL; ARM's only delegated permission is user_impersonation.
std::optional<Failure> EntraApi::parseScopes(const Request &request, const QString &scope, const Authority &authority,
                                             ScopeSet *out)
{
    ScopeSet s;
    QStringList normalizedResources;
    const auto parts = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &item : parts) {
        if (s.items.contains(item))
            continue;
        s.items.append(item);
        const QString lower = item.toLower();
        if (lower == QLatin1String("openid")) {
            s.openid = true;
            continue;
        }
        if (lower == QLatin1String("profile")) {
            s.profile = true;
            continue;
        }
        if (lower == QLatin1String("email")) {
            s.email = true;
            continue;
        }
        if (lower == QLatin1String("offline_access")) {
            s.offline = true;
            continue;
        }
        const int slash = item.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0)
            return fail(QStringLiteral("invalid_scope"), 70011,
                        QStringLiteral("The provided value for the input parameter 'scope' is not valid. The scope '%1' is not valid.")
                            .arg(item.left(200)));
        const QString resource = item.left(slash);
        const QString permission = item.mid(slash + 1);
        const auto audience = audienceFor(request, resource);
        if (!audience)
            return fail(QStringLiteral("invalid_resource"), 500011,
                        QStringLiteral("The resource principal named %1 was not found in the tenant named %2. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.")
                            .arg(resource.left(200), authority.label));
        if (permission.compare(QLatin1String(".default"), Qt::CaseInsensitive) != 0) {
            s.allDefault = false;
            if (permission.compare(QLatin1String("user_impersonation"), Qt::CaseInsensitive) != 0)
                return fail(QStringLiteral("invalid_scope"), 70011,
                            QStringLiteral("The provided value for the input parameter 'scope' is not valid. The scope '%1' does not exist on the resource '%2'.")
                                .arg(item.left(200), resource.left(200)));
        }
        QString normalized = audience->toLower();
        while (normalized.endsWith(QLatin1Char('/')))
            normalized.chop(1);
        if (!normalizedResources.contains(normalized)) {
            normalizedResources.append(normalized);
            if (s.audience.isEmpty())
                s.audience = *audience;
        }
        s.resourceScopes.append(item);
    }
    s.resources = int(normalizedResources.size());
    if (s.resources == 0)
        return fail(QStringLiteral("invalid_scope"), 70011,
                    QStringLiteral("The provided value for the input parameter 'scope' is not valid. The scope '%1' names no resource; this sandbox issues tokens for Azure Resource Manager, e.g. 'https://management.azure.com/.default'.")
                        .arg(scope.left(200)));
    *out = s;
    return std::nullopt;
}

const Principal *EntraApi::defaultUser(const Authority &authority, const QString &domainHint)
{
    QString tenantId = authority.kind == Authority::Specific ? authority.tenantId : QString();
    if (tenantId.isEmpty() && !domainHint.isEmpty()) {
        Authority hinted;
        if (!resolveAuthority(domainHint, &hinted) && hinted.kind == Authority::Specific)
            tenantId = hinted.tenantId;
    }
    if (authority.kind == Authority::Consumers)
        return nullptr;
    for (const auto &p : world().principals) {
        if (!p.isServicePrincipal && (tenantId.isEmpty() || containsCi(p.tenants, tenantId)))
            return &p;
    }
    return nullptr;
}

// The tenant a user signs in to (or redeems a refresh token for) at this authority.
std::optional<Failure> EntraApi::signInTenant(const Authority &authority, const Principal &user, const Application &app,
                                              QString *tenantId)
{
    QString id = authority.kind == Authority::Specific ? authority.tenantId : user.homeTenantId;
    if (authority.kind == Authority::Consumers || !containsCi(user.tenants, id)) {
        return fail(QStringLiteral("invalid_grant"), 50020,
                    QStringLiteral("User account '%1' from identity provider 'https://sts.windows.net/%2/' does not exist in tenant '%3' and cannot access the application '%4'(%5) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.")
                        .arg(user.username, user.homeTenantId, authority.label, app.clientId, app.displayName));
    }
    *tenantId = world().tenant(id) ? world().tenant(id)->tenantId : id;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------
// Discovery

Response EntraApi::openidConfiguration(Request &request)
{
    Authority authority;
    if (auto f = resolveAuthority(request.params.value(0), &authority)) {
        f->error = QStringLiteral("invalid_tenant");
        return errorJson(request, *f);
    }
    const QString base = baseOf(request);
    // Endpoints keep common/organizations/consumers; a domain is replaced by the tenant id (as Entra does).
    QString pathTenant = authority.segment;
    QString issuerTenant = QStringLiteral("{tenantid}");
    if (authority.kind == Authority::Specific) {
        pathTenant = authority.tenantId;
        issuerTenant = authority.tenantId;
    } else if (authority.kind == Authority::Consumers) {
        pathTenant = QStringLiteral("consumers");
        issuerTenant = kConsumersTenantId;
    } else {
        pathTenant = pathTenant.toLower();
    }
    const QString root = base + pathTenant;
    const QJsonObject config{
        {QStringLiteral("token_endpoint"), root + QStringLiteral("/oauth2/v2.0/token")},
        {QStringLiteral("token_endpoint_auth_methods_supported"),
         QJsonArray{QStringLiteral("client_secret_post"), QStringLiteral("private_key_jwt"), QStringLiteral("client_secret_basic")}},
        {QStringLiteral("jwks_uri"), root + QStringLiteral("/discovery/v2.0/keys")},
        {QStringLiteral("response_modes_supported"),
         QJsonArray{QStringLiteral("query"), QStringLiteral("fragment"), QStringLiteral("form_post")}},
        {QStringLiteral("subject_types_supported"), QJsonArray{QStringLiteral("pairwise")}},
        {QStringLiteral("id_token_signing_alg_values_supported"), QJsonArray{QStringLiteral("HS256")}},
        {QStringLiteral("response_types_supported"),
         QJsonArray{QStringLiteral("code"), QStringLiteral("id_token"), QStringLiteral("code id_token"), QStringLiteral("id_token token")}},
        {QStringLiteral("scopes_supported"),
         QJsonArray{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"), QStringLiteral("offline_access")}},
        {QStringLiteral("issuer"), base + issuerTenant + QStringLiteral("/v2.0")},
        {QStringLiteral("request_uri_parameter_supported"), false},
        {QStringLiteral("authorization_endpoint"), root + QStringLiteral("/oauth2/v2.0/authorize")},
        {QStringLiteral("device_authorization_endpoint"), root + QStringLiteral("/oauth2/v2.0/devicecode")},
        {QStringLiteral("http_logout_supported"), false},
        {QStringLiteral("frontchannel_logout_supported"), false},
        {QStringLiteral("grant_types_supported"),
         QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
                    QStringLiteral("client_credentials"), kDeviceCodeGrant}},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray{QStringLiteral("S256"), QStringLiteral("plain")}},
        {QStringLiteral("claims_supported"),
         QJsonArray{QStringLiteral("sub"), QStringLiteral("iss"), QStringLiteral("aud"), QStringLiteral("exp"),
                    QStringLiteral("iat"), QStringLiteral("nonce"), QStringLiteral("preferred_username"),
                    QStringLiteral("name"), QStringLiteral("tid"), QStringLiteral("oid"), QStringLiteral("ver"),
                    QStringLiteral("email")}},
        {QStringLiteral("tenant_region_scope"), QStringLiteral("WW")},
        {QStringLiteral("cloud_instance_name"), QStringLiteral("sandbox")},
        {QStringLiteral("cloud_graph_host_name"), QStringLiteral("graph.windows.net")},
        {QStringLiteral("msgraph_host"), QStringLiteral("graph.microsoft.com")}};
    Response r = Response::json(200, config);
    addEntraHeaders(m_sandbox, request, r, true);
    return r;
}

// MSAL's instance discovery: which host names are aliases of the authority (only the sandbox itself here).
Response EntraApi::instanceDiscovery(Request &request)
{
    const Params query = Params::parse(request.query.query(QUrl::FullyEncoded).toUtf8());
    const QUrl endpoint(query.value(QStringLiteral("authorization_endpoint")));
    const auto isLoopbackName = [](const QString &host) {
        return host == QLatin1String("127.0.0.1") || host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
    };
    const int defaultPort = request.baseUrl.scheme() == QLatin1String("https") ? 443 : 80;
    const bool sameHost = endpoint.host().compare(request.baseUrl.host(), Qt::CaseInsensitive) == 0
                          || (isLoopbackName(endpoint.host()) && isLoopbackName(request.baseUrl.host()));
    if (!endpoint.isValid() || endpoint.host().isEmpty() || !sameHost
        || endpoint.port(defaultPort) != request.baseUrl.port(defaultPort)) {
        Failure f = fail(QStringLiteral("invalid_instance"), 50049, QStringLiteral("Unknown or invalid instance."));
        return errorJson(request, f);
    }
    QString host = endpoint.host();
    if (endpoint.port() != -1)
        host += QLatin1Char(':') + QString::number(endpoint.port());
    const auto segments = endpoint.path().split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString tenant = segments.isEmpty() ? QStringLiteral("common") : segments.first();
    const QString discovery = endpoint.scheme() + QStringLiteral("://") + host + QLatin1Char('/') + tenant
                              + QStringLiteral("/v2.0/.well-known/openid-configuration");
    const QJsonObject body{{QStringLiteral("tenant_discovery_endpoint"), discovery},
                           {QStringLiteral("api-version"), QStringLiteral("1.1")},
                           {QStringLiteral("metadata"),
                            QJsonArray{QJsonObject{{QStringLiteral("preferred_network"), host},
                                                   {QStringLiteral("preferred_cache"), host},
                                                   {QStringLiteral("aliases"), QJsonArray{host}}}}}};
    Response r = Response::json(200, body);
    addEntraHeaders(m_sandbox, request, r, true);
    return r;
}

// Our tokens are HMAC-signed with a key that stays in the sandbox, so there is no public key to publish.
Response EntraApi::keys(Request &request)
{
    Authority authority;
    if (auto f = resolveAuthority(request.params.value(0), &authority)) {
        f->error = QStringLiteral("invalid_tenant");
        return errorJson(request, *f);
    }
    Response r = Response::json(200, QJsonObject{{QStringLiteral("keys"), QJsonArray()}});
    addEntraHeaders(m_sandbox, request, r, true);
    return r;
}

Response EntraApi::errorInfoPage(Request &request)
{
    const QString code = Params::parse(request.query.query(QUrl::FullyEncoded).toUtf8()).value(QStringLiteral("code"));
    const QString body = QStringLiteral("<h1>Error lookup</h1><p>Error code: AADSTS%1</p>"
                                        "<p>See https://learn.microsoft.com/entra/identity-platform/reference-error-codes "
                                        "for what this code means in Microsoft Entra ID.</p>")
                             .arg(code.left(20).toHtmlEscaped());
    Response r = Response::html(200, pageShell(QStringLiteral("Error lookup"), body));
    addEntraHeaders(m_sandbox, request, r);
    return r;
}

// ---------------------------------------------------------------------------------------------
// /authorize

bool isLoopbackRegistration(const QUrl &url)
{
    return url.scheme() == QLatin1String("http")
           && (url.host() == QLatin1String("localhost") || url.host() == QLatin1String("127.0.0.1"));
}

// RFC 8252 section 7.3 / Entra reply-url.md: a registered http://localhost (or http://127.0.0.1) matches any port;
// without a path it matches any path. The host must be the registered one. Everything else matches exactly.
bool redirectMatches(const QString &registered, const QString &requested)
{
    const QUrl reg(registered);
    const QUrl req(requested, QUrl::StrictMode);
    if (!req.isValid() || req.scheme().isEmpty() || req.hasFragment() || !req.userInfo().isEmpty())
        return false;
    if (isLoopbackRegistration(reg)) {
        if (req.scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) != 0
            || req.host().compare(reg.host(), Qt::CaseInsensitive) != 0)
            return false;
        const QString regPath = reg.path();
        if (regPath.isEmpty() || regPath == QLatin1String("/"))
            return true;
        return req.path() == regPath;
    }
    return requested == registered;
}

bool EntraApi::validateAuthorize(const Request &request, const Params &params, AuthorizeRequest *a, Response *out)
{
    a->params = params;
    if (auto f = resolveAuthority(request.params.value(0), &a->authority)) {
        *out = errorPage(request, *f);
        return false;
    }
    // Errors about the client or the redirect URI: an error page, never a redirect.
    const QString clientId = params.value(QStringLiteral("client_id"));
    if (clientId.isEmpty()) {
        *out = errorPage(request, missingParameter(QStringLiteral("client_id")));
        return false;
    }
    const Application *app = world().application(clientId);
    if (!app || (!app->homeTenantId.isEmpty() && a->authority.kind == Authority::Specific
                 && app->homeTenantId.compare(a->authority.tenantId, Qt::CaseInsensitive) != 0)) {
        *out = errorPage(request, fail(QStringLiteral("unauthorized_client"), 700016,
                                       QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.")
                                           .arg(clientId.left(100), a->authority.label)));
        return false;
    }
    a->app = *app;
    if (!app->homeTenantId.isEmpty() && a->authority.kind != Authority::Specific) {
        *out = errorPage(request, fail(QStringLiteral("invalid_request"), 50194,
                                       QStringLiteral("Application '%1'(%2) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.")
                                           .arg(app->clientId, app->displayName)));
        return false;
    }
    a->redirectUri = params.value(QStringLiteral("redirect_uri"));
    QString target;
    if (a->redirectUri.isEmpty()) {
        if (app->redirectUris.isEmpty()) {
            *out = errorPage(request, fail(QStringLiteral("invalid_request"), 500113,
                                           QStringLiteral("No reply address is registered for the application.")));
            return false;
        }
        target = app->redirectUris.first();
    } else {
        bool matched = false;
        for (const auto &registered : app->redirectUris)
            matched = matched || redirectMatches(registered, a->redirectUri);
        if (!matched) {
            *out = errorPage(request, fail(QStringLiteral("invalid_request"), 50011,
                                           QStringLiteral("The redirect URI '%1' specified in the request does not match the redirect URIs configured for the application '%2'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.")
                                               .arg(a->redirectUri.left(300), app->clientId)));
            return false;
        }
        target = a->redirectUri;
    }
    QUrl targetUrl(target);
    if (targetUrl.path().isEmpty())
        targetUrl.setPath(QStringLiteral("/")); // Entra answers http://localhost:7071 at http://localhost:7071/
    a->target = targetUrl.toString(QUrl::FullyEncoded);
    a->state = params.value(QStringLiteral("state"));

    // From here on errors go back to the client.
    const QString mode = params.value(QStringLiteral("response_mode"));
    if (mode == QLatin1String("query") || mode == QLatin1String("fragment") || mode == QLatin1String("form_post"))
        a->responseMode = mode;
    else if (!mode.isEmpty()) {
        *out = redirectError(request, *a, fail(QStringLiteral("invalid_request"), 900144,
                                               QStringLiteral("The provided value for the input parameter 'response_mode' is not valid. Expected one of 'query', 'fragment', 'form_post'.")));
        return false;
    }
    const QString responseType = params.value(QStringLiteral("response_type"));
    if (responseType.isEmpty()) {
        *out = redirectError(request, *a, missingParameter(QStringLiteral("response_type")));
        return false;
    }
    const QStringList types = responseType.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (types != QStringList{QStringLiteral("code")}) {
        Failure f = fail(QStringLiteral("unsupported_response_type"), 70005,
                         QStringLiteral("response_type '%1' is not supported by this sandbox; use 'code'.").arg(responseType.left(50)));
        if (types.contains(QLatin1String("token")))
            f = fail(QStringLiteral("unsupported_response_type"), 700051,
                     QStringLiteral("response_type 'token' is not enabled for the application."));
        else if (types.contains(QLatin1String("id_token")))
            f = fail(QStringLiteral("unsupported_response_type"), 700054,
                     QStringLiteral("response_type 'id_token' is not enabled for the application."));
        *out = redirectError(request, *a, f);
        return false;
    }
    const QString scope = params.value(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty()) {
        *out = redirectError(request, *a, missingParameter(QStringLiteral("scope")));
        return false;
    }
    if (auto f = parseScopes(request, scope, a->authority, &a->scopes)) {
        *out = redirectError(request, *a, *f);
        return false;
    }
    const QString challenge = params.value(QStringLiteral("code_challenge"));
    const QString method = params.value(QStringLiteral("code_challenge_method"));
    if (!method.isEmpty() && method != QLatin1String("S256") && method != QLatin1String("plain")) {
        *out = redirectError(request, *a, fail(QStringLiteral("invalid_request"), 501492,
                                               QStringLiteral("Invalid code_challenge_method '%1'; use 'S256' or 'plain'.").arg(method.left(20))));
        return false;
    }
    if (!method.isEmpty() && challenge.isEmpty()) {
        *out = redirectError(request, *a, missingParameter(QStringLiteral("code_challenge")));
        return false;
    }
    static const QRegularExpression pkceChars(QStringLiteral("^[A-Za-z0-9\\-._~]{43,128}$"));
    if (!challenge.isEmpty()
        && (!pkceChars.match(challenge).hasMatch() || ((method.isEmpty() || method == QLatin1String("S256")) && challenge.size() != 43))) {
        *out = redirectError(request, *a, fail(QStringLiteral("invalid_request"), 501491,
                                               QStringLiteral("Invalid size of Code_Challenge parameter.")));
        return false;
    }
    const QString prompt = params.value(QStringLiteral("prompt"));
    static const QStringList prompts{QStringLiteral("login"), QStringLiteral("none"), QStringLiteral("consent"),
                                     QStringLiteral("select_account"), QStringLiteral("create")};
    if (!prompt.isEmpty() && !prompts.contains(prompt)) {
        *out = redirectError(request, *a, fail(QStringLiteral("invalid_request"), 90023,
                                               QStringLiteral("Invalid prompt value '%1'. Expected one of login, none, consent, select_account.")
                                                   .arg(prompt.left(30))));
        return false;
    }
    return true;
}

Response EntraApi::redirectToClient(const Request &request, const AuthorizeRequest &a, QList<QPair<QString, QString>> fields)
{
    if (!a.state.isEmpty())
        fields.append({QStringLiteral("state"), a.state});
    Response r;
    if (a.responseMode == QLatin1String("form_post")) {
        QString inputs;
        for (const auto &f : fields) {
            inputs += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">")
                          .arg(f.first.toHtmlEscaped(), f.second.toHtmlEscaped());
        }
        const QString html = QStringLiteral("<!DOCTYPE html><html><head><title>Working...</title></head>"
                                            "<body onload=\"document.forms[0].submit()\"><form method=\"POST\" action=\"%1\">%2"
                                            "<noscript><button type=\"submit\">Continue</button></noscript></form></body></html>")
                                 .arg(a.target.toHtmlEscaped(), inputs);
        r = Response::html(200, html);
    } else {
        QByteArray encoded;
        for (const auto &f : fields) {
            if (!encoded.isEmpty())
                encoded += '&';
            encoded += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second);
        }
        QByteArray location = a.target.toUtf8();
        if (a.responseMode == QLatin1String("fragment"))
            location += '#' + encoded;
        else
            location += (location.contains('?') ? '&' : '?') + encoded;
        r = Response::html(302, QStringLiteral("<html><head><title>Object moved</title></head><body><h2>Object moved to <a href=\"%1\">here</a>.</h2></body></html>")
                                    .arg(QString::fromUtf8(location).toHtmlEscaped()));
        r.setHeader("Location", location);
    }
    addEntraHeaders(m_sandbox, request, r);
    return r;
}

Response EntraApi::redirectError(const Request &request, const AuthorizeRequest &a, const Failure &f)
{
    return redirectToClient(request, a,
                            {{QStringLiteral("error"), f.error},
                             {QStringLiteral("error_description"), describe(request, f, entraTimestamp(world().nowMs()))},
                             {QStringLiteral("error_uri"), baseOf(request) + QStringLiteral("error?code=%1").arg(f.code)}});
}

Response EntraApi::approve(const Request &request, const AuthorizeRequest &a, const Principal &user)
{
    QString tenantId;
    if (auto f = signInTenant(a.authority, user, a.app, &tenantId))
        return errorPage(request, *f);
    AuthCode code;
    code.code = opaqueToken("1.AQ", 96);
    code.clientId = a.app.clientId;
    code.redirectUri = a.redirectUri;
    // No code_challenge from a public client is allowed by Entra; the empty challenge stays recorded in the
    // world (/_sandbox/state), so tests can assert that an app does use PKCE.
    code.codeChallenge = a.params.value(QStringLiteral("code_challenge"));
    code.codeChallengeMethod = code.codeChallenge.isEmpty()
                                   ? QString()
                                   : (a.params.value(QStringLiteral("code_challenge_method")).isEmpty()
                                          ? QStringLiteral("plain")
                                          : a.params.value(QStringLiteral("code_challenge_method")));
    code.scope = a.scopes.items.join(QLatin1Char(' '));
    code.tenant = a.authority.segment;
    code.objectId = user.objectId;
    code.nonce = a.params.value(QStringLiteral("nonce"));
    code.expiresAtMs = world().nowMs() + kAuthCodeLifetimeMs;
    world().authCodes.insert(code.code, code);
    m_sandbox.persist();
    QList<QPair<QString, QString>> fields{{QStringLiteral("code"), code.code}};
    if (a.params.value(QStringLiteral("client_info")) == QLatin1String("1")) {
        const QJsonObject info{{QStringLiteral("uid"), user.objectId}, {QStringLiteral("utid"), user.homeTenantId}};
        fields.append({QStringLiteral("client_info"),
                       QString::fromLatin1(Jwt::base64Url(QJsonDocument(info).toJson(QJsonDocument::Compact)))});
    }
    fields.append({QStringLiteral("session_state"), newGuid()});
    return redirectToClient(request, a, fields);
}

QString scopeDescription(const QString &scope)
{
    const QString lower = scope.toLower();
    if (lower == QLatin1String("openid"))
        return QStringLiteral("Sign you in");
    if (lower == QLatin1String("profile"))
        return QStringLiteral("View your basic profile");
    if (lower == QLatin1String("email"))
        return QStringLiteral("View your email address");
    if (lower == QLatin1String("offline_access"))
        return QStringLiteral("Maintain access to data you have given it access to");
    return QStringLiteral("Access Azure Service Management as you");
}

Response EntraApi::signInPage(const Request &request, const AuthorizeRequest &a, const QString &username,
                              const QString &error)
{
    QString hidden;
    for (const auto &item : a.params.items()) {
        if (item.first == QLatin1String("username") || item.first == QLatin1String("action"))
            continue;
        hidden += QStringLiteral("<input type=\"hidden\" name=\"%1\" value=\"%2\">\n")
                      .arg(item.first.toHtmlEscaped(), item.second.toHtmlEscaped());
    }
    QString scopes;
    for (const auto &s : a.scopes.items) {
        scopes += QStringLiteral("<li>%1 <span class=\"details\">(%2)</span></li>")
                      .arg(scopeDescription(s).toHtmlEscaped(), s.toHtmlEscaped());
    }
    QString action = QStringLiteral("/") + QString::fromLatin1(QUrl::toPercentEncoding(a.authority.segment))
                     + QStringLiteral("/oauth2/v2.0/authorize");
    QString body = QStringLiteral("<h1>Sign in</h1><p><strong id=\"app\">%1</strong> wants to sign you in to "
                                  "<strong>%2</strong>.</p>")
                       .arg(a.app.displayName.toHtmlEscaped(), a.authority.label.toHtmlEscaped());
    if (!error.isEmpty())
        body += QStringLiteral("<p class=\"error\" id=\"error\">%1</p>").arg(error.toHtmlEscaped());
    body += QStringLiteral("<p>It will be able to:</p><ul id=\"scopes\">%1</ul>").arg(scopes);
    body += QStringLiteral("<form method=\"POST\" action=\"%1\">\n%2"
                           "<label for=\"username\">Email, phone, or Skype</label>"
                           "<input type=\"text\" id=\"username\" name=\"username\" value=\"%3\" autocomplete=\"username\">"
                           "<p class=\"details\">Sandbox: no password; any user of the world can be entered.</p>"
                           "<button class=\"primary\" type=\"submit\" name=\"action\" value=\"approve\">Accept</button>"
                           "<button type=\"submit\" name=\"action\" value=\"decline\">Cancel</button></form>")
                .arg(action.toHtmlEscaped(), hidden, username.toHtmlEscaped());
    Response r = Response::html(200, pageShell(QStringLiteral("Sign in to your account"), body));
    r.setHeader("X-Frame-Options", "DENY");
    addEntraHeaders(m_sandbox, request, r);
    return r;
}

Response EntraApi::authorize(Request &request)
{
    housekeeping();
    Params params;
    bool decision = false;
    if (request.method == "POST") {
        if (!isFormContent(request))
            return errorPage(request, missingParameter(QStringLiteral("client_id")));
        params = Params::parse(request.body);
        decision = params.has(QStringLiteral("action"));
    } else {
        params = Params::parse(request.query.query(QUrl::FullyEncoded).toUtf8());
    }
    AuthorizeRequest a;
    Response out;
    if (!validateAuthorize(request, params, &a, &out))
        return out;

    const QString loginHint = params.value(QStringLiteral("login_hint"));
    const QString domainHint = params.value(QStringLiteral("domain_hint"));
    auto pick = [&](const QString &name, QString *error) -> const Principal * {
        if (name.isEmpty()) {
            const Principal *p = defaultUser(a.authority, domainHint);
            if (!p)
                *error = QStringLiteral("AADSTS50034: There is no user in the directory '%1' to sign in with.").arg(a.authority.label);
            return p;
        }
        const Principal *p = world().userByName(name);
        if (!p)
            *error = QStringLiteral("AADSTS50034: The user account %1 does not exist in the %2 directory. To sign into this application, the account must be added to the directory.")
                         .arg(name, a.authority.label);
        return p;
    };

    if (decision) {
        const QString action = params.value(QStringLiteral("action"));
        if (action == QLatin1String("decline"))
            return redirectError(request, a, fail(QStringLiteral("access_denied"), 65004,
                                                  QStringLiteral("User declined to consent to access the app.")));
        const QString username = params.value(QStringLiteral("username")).trimmed();
        QString error;
        const Principal *user = pick(username, &error);
        if (!user)
            return signInPage(request, a, username, error);
        return approve(request, a, Principal(*user));
    }

    const QString prompt = params.value(QStringLiteral("prompt"));
    if (m_sandbox.options().autoApprove) {
        QString error;
        const Principal *user = pick(loginHint, &error);
        if (!user)
            return signInPage(request, a, loginHint, error);
        return approve(request, a, Principal(*user));
    }
    if (prompt == QLatin1String("none"))
        return redirectError(request, a, fail(QStringLiteral("login_required"), 50058,
                                              QStringLiteral("A silent sign-in request was sent but no user is signed in.")));
    QString prefill = loginHint;
    if (prefill.isEmpty()) {
        if (const Principal *p = defaultUser(a.authority, domainHint))
            prefill = p->username;
    }
    return signInPage(request, a, prefill);
}

// ---------------------------------------------------------------------------------------------
// /token

EntraApi::ClientAuth EntraApi::readClient(const Request &request, const Params &form) const
{
    ClientAuth c;
    c.clientId = form.value(QStringLiteral("client_id"));
    c.hasSecret = form.has(QStringLiteral("client_secret"));
    c.secret = form.value(QStringLiteral("client_secret"));
    c.hasAssertion = form.has(QStringLiteral("client_assertion"));
    const QByteArray authorization = request.header("authorization");
    if (authorization.size() > 6 && authorization.left(6).toLower() == "basic ") {
        // RFC 6749 2.3.1: base64(urlencode(id) ":" urlencode(secret)).
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6).trimmed());
        const int colon = decoded.indexOf(':');
        if (colon > 0) {
            auto decode = [](QByteArray v) {
                v.replace('+', ' ');
                return QString::fromUtf8(QByteArray::fromPercentEncoding(v));
            };
            c.basic = true;
            if (c.clientId.isEmpty())
                c.clientId = decode(decoded.left(colon));
            if (!c.hasSecret) {
                c.secret = decode(decoded.mid(colon + 1));
                c.hasSecret = true;
            }
        }
    }
    return c;
}

std::optional<Failure> EntraApi::authenticateClient(const Authority &authority, const ClientAuth &client,
                                                    bool devicePublicFlow, Application *out)
{
    if (client.clientId.isEmpty())
        return missingParameter(QStringLiteral("client_id"));
    const Application *app = world().application(client.clientId);
    if (!app || (!app->homeTenantId.isEmpty() && authority.kind == Authority::Specific
                 && app->homeTenantId.compare(authority.tenantId, Qt::CaseInsensitive) != 0)) {
        return fail(QStringLiteral("unauthorized_client"), 700016,
                    QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.")
                        .arg(client.clientId.left(100), authority.label));
    }
    const bool isPublic = devicePublicFlow ? app->allowPublicClientFlows : app->publicClient;
    if (isPublic) {
        if (client.hasSecret || client.hasAssertion)
            return fail(QStringLiteral("invalid_client"), 700025,
                        QStringLiteral("Client is public so neither 'client_assertion' nor 'client_secret' should be presented."), 401);
    } else {
        const Principal *sp = world().servicePrincipalByClientId(app->clientId);
        if (client.hasAssertion && !client.hasSecret)
            return fail(QStringLiteral("invalid_client"), 700027,
                        QStringLiteral("Client assertion failed signature validation. (The sandbox accepts client secrets only.)"), 401);
        if (!client.hasSecret || !sp)
            return fail(QStringLiteral("invalid_client"), 7000218,
                        QStringLiteral("The request body must contain the following parameter: 'client_assertion' or 'client_secret'."), 401);
        if (!constantTimeEquals(client.secret.toUtf8(), sp->clientSecret.toUtf8()))
            return fail(QStringLiteral("invalid_client"), 7000215,
                        QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '%1'.")
                            .arg(app->clientId), 401);
    }
    *out = *app;
    return std::nullopt;
}

Response EntraApi::tokenSuccess(const Request &request, const QJsonObject &body)
{
    Response r = Response::json(200, body);
    addEntraHeaders(m_sandbox, request, r);
    return r;
}

QJsonObject EntraApi::userTokenBody(const Request &request, const Principal &user, const QString &tenantId,
                                    const ScopeSet &scopes, const Application &app, const QString &nonce,
                                    bool clientInfo, bool issueRefresh, const QString &refreshScope, bool mfaSatisfied)
{
    const int lifetime = m_sandbox.options().tokenLifetimeSec;
    // ARM has one delegated permission; Entra answers "<resource>/user_impersonation <resource>/.default".
    QString resource = scopes.resourceScopes.first();
    resource = resource.left(resource.lastIndexOf(QLatin1Char('/')));
    QJsonObject body{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                     {QStringLiteral("scope"), resource + QStringLiteral("/user_impersonation ") + resource + QStringLiteral("/.default")},
                     {QStringLiteral("expires_in"), lifetime},
                     {QStringLiteral("ext_expires_in"), lifetime},
                     {QStringLiteral("access_token"),
                      m_sandbox.issueAccessToken(user, tenantId, scopes.audience, QStringLiteral("user_impersonation"), app.clientId)}};
    const qint64 nowMs = world().nowMs();
    if (issueRefresh) {
        RefreshToken rt;
        rt.token = opaqueToken("0.AQ", 192);
        rt.objectId = user.objectId;
        rt.clientId = app.clientId;
        rt.scope = refreshScope;
        rt.expiresAtMs = nowMs + qint64(m_sandbox.options().refreshTokenLifetimeSec) * 1000;
        rt.mfaSatisfied = mfaSatisfied;
        world().refreshTokens.insert(rt.token, rt);
        body.insert(QStringLiteral("refresh_token"), rt.token);
    }
    if (scopes.openid) {
        const qint64 now = nowMs / 1000;
        const QByteArray pairwise = QCryptographicHash::hash((user.objectId + QLatin1Char('|') + app.clientId.toLower()).toUtf8(),
                                                             QCryptographicHash::Sha256);
        QJsonObject claims{{QStringLiteral("aud"), app.clientId},
                           {QStringLiteral("iss"), baseOf(request) + tenantId + QStringLiteral("/v2.0")},
                           {QStringLiteral("iat"), double(now)},
                           {QStringLiteral("nbf"), double(now)},
                           {QStringLiteral("exp"), double(now + lifetime)},
                           {QStringLiteral("name"), user.displayName},
                           {QStringLiteral("oid"), user.objectId},
                           {QStringLiteral("preferred_username"), user.username},
                           {QStringLiteral("sub"), QString::fromLatin1(Jwt::base64Url(pairwise))},
                           {QStringLiteral("tid"), tenantId},
                           {QStringLiteral("uti"), QString::fromLatin1(Jwt::base64Url(randomBytes(16)))},
                           {QStringLiteral("ver"), QStringLiteral("2.0")}};
        if (!nonce.isEmpty())
            claims.insert(QStringLiteral("nonce"), nonce);
        if (scopes.email)
            claims.insert(QStringLiteral("email"), user.username);
        if (mfaSatisfied)
            claims.insert(QStringLiteral("amr"), QJsonArray{QStringLiteral("pwd"), QStringLiteral("mfa")});
        body.insert(QStringLiteral("id_token"), Jwt::sign(claims, world().signingKey));
    }
    if (clientInfo) {
        const QJsonObject info{{QStringLiteral("uid"), user.objectId}, {QStringLiteral("utid"), user.homeTenantId}};
        body.insert(QStringLiteral("client_info"), QString::fromLatin1(Jwt::base64Url(QJsonDocument(info).toJson(QJsonDocument::Compact))));
    }
    return body;
}

Response EntraApi::token(Request &request)
{
    housekeeping();
    Authority authority;
    if (auto f = resolveAuthority(request.params.value(0), &authority))
        return errorJson(request, *f);
    // Entra can't read anything but a form: it then misses the first parameter it looks for.
    if (!isFormContent(request))
        return errorJson(request, missingParameter(QStringLiteral("grant_type")));
    const Params form = Params::parse(request.body);
    const QString grant = form.value(QStringLiteral("grant_type"));
    if (grant.isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("grant_type")));
    if (grant == QLatin1String("authorization_code"))
        return authorizationCodeGrant(request, authority, form);
    if (grant == QLatin1String("refresh_token"))
        return refreshTokenGrant(request, authority, form);
    if (grant == QLatin1String("client_credentials"))
        return clientCredentialsGrant(request, authority, form);
    if (grant == kDeviceCodeGrant)
        return deviceCodeGrant(request, authority, form);
    return errorJson(request, fail(QStringLiteral("unsupported_grant_type"), 70003,
                                   QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grant.left(100))));
}

Response EntraApi::tokenWrongMethod(Request &request)
{
    return errorJson(request, fail(QStringLiteral("invalid_request"), 900561,
                                   QStringLiteral("The endpoint only accepts POST, OPTIONS requests. Received a %1 request.")
                                       .arg(QString::fromLatin1(request.method))));
}

Response EntraApi::authorizationCodeGrant(const Request &request, const Authority &authority, const Params &form)
{
    const ClientAuth client = readClient(request, form);
    Application app;
    if (auto f = authenticateClient(authority, client, false, &app))
        return errorJson(request, *f, client.basic);
    const QString codeValue = form.value(QStringLiteral("code"));
    if (codeValue.isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("code")));
    auto it = world().authCodes.find(codeValue);
    if (it == world().authCodes.end())
        return errorJson(request, malformedGrant());
    AuthCode &code = it.value();
    if (code.redeemed)
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 54005,
                                       QStringLiteral("OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.")));
    if (world().nowMs() >= code.expiresAtMs)
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 70008,
                                       QStringLiteral("The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.")));
    if (code.clientId.compare(app.clientId, Qt::CaseInsensitive) != 0)
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 70000,
                                       QStringLiteral("Provided grant is invalid or malformed. The authorization code was issued to another client.")));
    const QString redirect = form.value(QStringLiteral("redirect_uri"));
    if (!code.redirectUri.isEmpty() && redirect.isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("redirect_uri")));
    if (redirect != code.redirectUri)
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 500112,
                                       QStringLiteral("The reply address '%1' does not match the reply address '%2' provided when requesting Authorization code.")
                                           .arg(redirect.left(300), code.redirectUri)));
    if (!code.codeChallenge.isEmpty()) {
        const QString verifier = form.value(QStringLiteral("code_verifier"));
        QString computed = verifier;
        if (code.codeChallengeMethod == QLatin1String("S256"))
            computed = QString::fromLatin1(Jwt::base64Url(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
        if (verifier.isEmpty() || !constantTimeEquals(computed.toLatin1(), code.codeChallenge.toLatin1()))
            return errorJson(request, fail(QStringLiteral("invalid_grant"), 501481,
                                           QStringLiteral("The Code_Verifier does not match the code_challenge supplied in the authorization request.")));
    }
    const Principal *found = world().principal(code.objectId);
    if (!found)
        return errorJson(request, malformedGrant());
    const Principal user = *found;
    Authority signIn;
    if (auto f = resolveAuthority(code.tenant, &signIn))
        return errorJson(request, *f);
    QString tenantId;
    if (auto f = signInTenant(signIn, user, app, &tenantId))
        return errorJson(request, *f);
    if (authority.kind == Authority::Specific && authority.tenantId.compare(tenantId, Qt::CaseInsensitive) != 0)
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 700005,
                                       QStringLiteral("Provided Authorization Code is intended to use against other tenant, thus rejected.")));
    // The token request may narrow the scope (one resource plus OIDC scopes); else the authorize scope counts.
    ScopeSet scopes;
    const QString requested = form.value(QStringLiteral("scope"));
    if (auto f = parseScopes(request, requested.trimmed().isEmpty() ? code.scope : requested, signIn, &scopes))
        return errorJson(request, *f);
    if (!requested.trimmed().isEmpty() && scopes.resources > 1)
        return errorJson(request, fail(QStringLiteral("invalid_scope"), 28000,
                                       QStringLiteral("Provided value for the input parameter scope is not valid because it contains more than one resource. Scope %1 is not valid.")
                                           .arg(requested.left(300))));
    const bool mfa = world().tenant(tenantId) && world().tenant(tenantId)->requireMfa;
    code.redeemed = true;
    const QString nonce = code.nonce;
    const QString grantedScope = code.scope;
    ScopeSet granted;
    parseScopes(request, grantedScope, signIn, &granted);
    const QJsonObject body = userTokenBody(request, user, tenantId, scopes, app, nonce,
                                           form.value(QStringLiteral("client_info")) == QLatin1String("1"),
                                           granted.offline || scopes.offline, grantedScope, mfa);
    m_sandbox.persist();
    return tokenSuccess(request, body);
}

Response EntraApi::refreshTokenGrant(const Request &request, const Authority &authority, const Params &form)
{
    const ClientAuth client = readClient(request, form);
    Application app;
    if (auto f = authenticateClient(authority, client, false, &app))
        return errorJson(request, *f, client.basic);
    const QString value = form.value(QStringLiteral("refresh_token"));
    if (value.isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("refresh_token")));
    const auto it = world().refreshTokens.constFind(value);
    if (it == world().refreshTokens.constEnd())
        return errorJson(request, malformedGrant());
    const RefreshToken rt = it.value();
    const qint64 now = world().nowMs();
    if (rt.revoked)
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 50173,
                                       QStringLiteral("The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '%1' and the TokensValidFrom date (before which tokens are not valid) for this user is '%2'.")
                                           .arg(entraTimestamp(rt.expiresAtMs - qint64(m_sandbox.options().refreshTokenLifetimeSec) * 1000),
                                                entraTimestamp(now))));
    if (now >= rt.expiresAtMs)
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 700082,
                                       QStringLiteral("The refresh token has expired due to inactivity. The token was issued on %1 and was inactive for %2 seconds.")
                                           .arg(entraTimestamp(rt.expiresAtMs - qint64(m_sandbox.options().refreshTokenLifetimeSec) * 1000))
                                           .arg(m_sandbox.options().refreshTokenLifetimeSec)));
    if (rt.clientId.compare(app.clientId, Qt::CaseInsensitive) != 0) {
        Failure f = fail(QStringLiteral("invalid_grant"), 70000,
                         QStringLiteral("Provided grant is invalid or malformed. The refresh token was issued to another client."));
        f.suberror = QStringLiteral("client_mismatch");
        return errorJson(request, f);
    }
    const Principal *found = world().principal(rt.objectId);
    if (!found)
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 50034,
                                       QStringLiteral("The user account does not exist in the directory. To sign into this application, the account must be added to the directory.")));
    const Principal user = *found;
    // Refresh tokens are bound to user + client, not to a tenant: the same one works for every tenant the user
    // belongs to (refresh-tokens.md), subject to that tenant's policies.
    QString tenantId;
    if (auto f = signInTenant(authority, user, app, &tenantId))
        return errorJson(request, *f);
    ScopeSet scopes;
    const QString requested = form.value(QStringLiteral("scope"));
    if (auto f = parseScopes(request, requested.trimmed().isEmpty() ? rt.scope : requested, authority, &scopes))
        return errorJson(request, *f);
    if (scopes.resources > 1)
        return errorJson(request, fail(QStringLiteral("invalid_scope"), 28000,
                                       QStringLiteral("Provided value for the input parameter scope is not valid because it contains more than one resource. Scope %1 is not valid.")
                                           .arg(scopes.items.join(QLatin1Char(' ')))));
    const Tenant *tenant = world().tenant(tenantId);
    if (tenant && tenant->requireMfa && !rt.mfaSatisfied) {
        Failure f = fail(QStringLiteral("interaction_required"), 50076,
                         QStringLiteral("Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '%1'.")
                             .arg(kArmAppId));
        f.suberror = QStringLiteral("basic_action");
        return errorJson(request, f);
    }
    // Rotation: a new refresh token every time; the old one stays valid until it expires or is revoked.
    const QJsonObject body = userTokenBody(request, user, tenantId, scopes, app, QString(),
                                           form.value(QStringLiteral("client_info")) == QLatin1String("1"), true,
                                           rt.scope, rt.mfaSatisfied);
    m_sandbox.persist();
    return tokenSuccess(request, body);
}

Response EntraApi::clientCredentialsGrant(const Request &request, const Authority &authority, const Params &form)
{
    const ClientAuth client = readClient(request, form);
    if (client.clientId.isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("client_id")));
    if (authority.kind != Authority::Specific)
        return errorJson(request, fail(QStringLiteral("invalid_request"), 50059,
                                       QStringLiteral("No tenant-identifying information found in either the request or implied by any provided credentials.")));
    const Application *app = world().application(client.clientId);
    if (!app)
        return errorJson(request, fail(QStringLiteral("unauthorized_client"), 700016,
                                       QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.")
                                           .arg(client.clientId.left(100), authority.label)));
    const Principal *found = world().servicePrincipalByClientId(app->clientId);
    if (!found || app->publicClient) {
        if (client.hasSecret || client.hasAssertion)
            return errorJson(request, fail(QStringLiteral("invalid_client"), 700025,
                                           QStringLiteral("Client is public so neither 'client_assertion' nor 'client_secret' should be presented."), 401),
                             client.basic);
        return errorJson(request, fail(QStringLiteral("invalid_client"), 7000218,
                                       QStringLiteral("The request body must contain the following parameter: 'client_assertion' or 'client_secret'."), 401),
                         client.basic);
    }
    const Principal sp = *found;
    if (client.hasAssertion && !client.hasSecret)
        return errorJson(request, fail(QStringLiteral("invalid_client"), 700027,
                                       QStringLiteral("Client assertion failed signature validation. (The sandbox accepts client secrets only.)"), 401),
                         client.basic);
    if (!client.hasSecret)
        return errorJson(request, fail(QStringLiteral("invalid_client"), 7000218,
                                       QStringLiteral("The request body must contain the following parameter: 'client_assertion' or 'client_secret'."), 401),
                         client.basic);
    if (!constantTimeEquals(client.secret.toUtf8(), sp.clientSecret.toUtf8()))
        return errorJson(request, fail(QStringLiteral("invalid_client"), 7000215,
                                       QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '%1'.")
                                           .arg(app->clientId), 401),
                         client.basic);
    if (!containsCi(sp.tenants, authority.tenantId))
        return errorJson(request, fail(QStringLiteral("unauthorized_client"), 700016,
                                       QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.")
                                           .arg(app->clientId, authority.label)));
    const QString scope = form.value(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("scope")));
    const auto items = scope.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const auto &item : items) {
        if (!item.endsWith(QLatin1String("/.default"), Qt::CaseInsensitive))
            return errorJson(request, fail(QStringLiteral("invalid_scope"), 1002012,
                                           QStringLiteral("The provided value for scope %1 is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).")
                                               .arg(item.left(200))));
    }
    ScopeSet scopes;
    if (auto f = parseScopes(request, scope, authority, &scopes))
        return errorJson(request, *f);
    if (scopes.resources > 1)
        return errorJson(request, fail(QStringLiteral("invalid_scope"), 28000,
                                       QStringLiteral("Provided value for the input parameter scope is not valid because it contains more than one resource. Scope %1 is not valid.")
                                           .arg(scope.left(300))));
    const int lifetime = m_sandbox.options().tokenLifetimeSec;
    return tokenSuccess(request, QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                             {QStringLiteral("expires_in"), lifetime},
                                             {QStringLiteral("ext_expires_in"), lifetime},
                                             {QStringLiteral("access_token"),
                                              m_sandbox.issueAccessToken(sp, authority.tenantId, scopes.audience, QString(), app->clientId)}});
}

Response EntraApi::deviceCodeGrant(const Request &request, const Authority &authority, const Params &form)
{
    const ClientAuth client = readClient(request, form);
    const QString deviceCode = form.value(QStringLiteral("device_code"));
    auto it = world().deviceCodes.find(deviceCode);
    Application app;
    // Client authentication first: an app without "Allow public client flows" gets AADSTS7000218 at once.
    Authority deviceAuthority = authority;
    if (it != world().deviceCodes.end() && resolveAuthority(it->tenant, &deviceAuthority))
        deviceAuthority = authority;
    if (auto f = authenticateClient(deviceAuthority, client, true, &app))
        return errorJson(request, *f, client.basic);
    if (deviceCode.isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("device_code")));
    if (it == world().deviceCodes.end() || it->clientId.compare(app.clientId, Qt::CaseInsensitive) != 0)
        return errorJson(request, fail(QStringLiteral("bad_verification_code"), 70000,
                                       QStringLiteral("Provided value for the input parameter 'device_code' is not valid.")));
    DeviceCode &d = it.value();
    const qint64 now = world().nowMs();
    if (d.status == QLatin1String("redeemed"))
        return errorJson(request, fail(QStringLiteral("invalid_grant"), 54005,
                                       QStringLiteral("The device code was already redeemed, please start a new device code flow or use the refresh token.")));
    if (now >= d.expiresAtMs)
        return errorJson(request, fail(QStringLiteral("expired_token"), 70019, QStringLiteral("Verification code expired.")));
    if (d.status == QLatin1String("declined"))
        return errorJson(request, fail(QStringLiteral("authorization_declined"), 70000,
                                       QStringLiteral("The request was denied because the user declined to sign in on the device login page.")));
    if (d.status == QLatin1String("pending")) {
        // RFC 8628 3.5: polling faster than the interval answers slow_down and adds 5 s to it.
        if (d.lastPollMs > 0 && now - d.lastPollMs + kPollToleranceMs < qint64(d.intervalSec) * 1000) {
            d.intervalSec += 5;
            d.lastPollMs = now;
            const int interval = d.intervalSec;
            m_sandbox.persist();
            return errorJson(request, fail(QStringLiteral("slow_down"), 70016,
                                           QStringLiteral("OAuth 2.0 device flow error. Authorization is pending; the client polls too often. Continue polling, every %1 seconds.")
                                               .arg(interval)));
        }
        d.lastPollMs = now;
        m_sandbox.persist();
        return errorJson(request, fail(QStringLiteral("authorization_pending"), 70016,
                                       QStringLiteral("OAuth 2.0 device flow error. Authorization is pending. Continue polling.")));
    }
    // Approved.
    const Principal *found = world().principal(d.objectId);
    if (!found)
        return errorJson(request, malformedGrant());
    const Principal user = *found;
    QString tenantId;
    if (auto f = signInTenant(deviceAuthority, user, app, &tenantId))
        return errorJson(request, *f);
    ScopeSet scopes;
    if (auto f = parseScopes(request, d.scope, deviceAuthority, &scopes))
        return errorJson(request, *f);
    const bool mfa = world().tenant(tenantId) && world().tenant(tenantId)->requireMfa;
    d.status = QStringLiteral("redeemed");
    const QString grantedScope = d.scope;
    const QJsonObject body = userTokenBody(request, user, tenantId, scopes, app, QString(),
                                           form.value(QStringLiteral("client_info")) == QLatin1String("1"),
                                           scopes.offline, grantedScope, mfa);
    m_sandbox.persist();
    return tokenSuccess(request, body);
}

QString newUserCode(const World &world)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    for (;;) {
        QString code;
        for (int i = 0; i < 9; ++i)
            code += QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof(alphabet) - 1))]);
        bool taken = false;
        for (const auto &d : world.deviceCodes)
            taken = taken || d.userCode == code;
        if (!taken)
            return code;
    }
}

Response EntraApi::deviceAuthorization(Request &request)
{
    housekeeping();
    Authority authority;
    if (auto f = resolveAuthority(request.params.value(0), &authority))
        return errorJson(request, *f);
    if (!isFormContent(request))
        return errorJson(request, missingParameter(QStringLiteral("client_id")));
    const Params form = Params::parse(request.body);
    const QString clientId = form.value(QStringLiteral("client_id"));
    if (clientId.isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("client_id")));
    const Application *app = world().application(clientId);
    if (!app)
        return errorJson(request, fail(QStringLiteral("unauthorized_client"), 700016,
                                       QStringLiteral("Application with identifier '%1' was not found in the directory '%2'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.")
                                           .arg(clientId.left(100), authority.label)));
    const QString scope = form.value(QStringLiteral("scope"));
    if (scope.trimmed().isEmpty())
        return errorJson(request, missingParameter(QStringLiteral("scope")));
    ScopeSet scopes;
    if (auto f = parseScopes(request, scope, authority, &scopes))
        return errorJson(request, *f);
    DeviceCode d;
    d.deviceCode = opaqueToken("DAQABIQEAAA", 96);
    d.userCode = newUserCode(world());
    d.clientId = app->clientId;
    d.scope = scopes.items.join(QLatin1Char(' '));
    d.tenant = authority.segment;
    d.intervalSec = m_sandbox.options().deviceCodeIntervalSec;
    const int expiry = m_sandbox.options().deviceCodeExpirySec;
    d.expiresAtMs = world().nowMs() + qint64(expiry) * 1000;
    world().deviceCodes.insert(d.deviceCode, d);
    m_sandbox.persist();
    const QString uri = baseOf(request) + QStringLiteral("devicelogin");
    return tokenSuccess(request, QJsonObject{{QStringLiteral("user_code"), d.userCode},
                                             {QStringLiteral("device_code"), d.deviceCode},
                                             {QStringLiteral("verification_uri"), uri},
                                             {QStringLiteral("expires_in"), expiry},
                                             {QStringLiteral("interval"), d.intervalSec},
                                             {QStringLiteral("message"),
                                              QStringLiteral("To sign in, use a web browser to open the page %1 and enter the code %2 to authenticate.")
                                                  .arg(uri, d.userCode)}});
}

// ---------------------------------------------------------------------------------------------
// /devicelogin

QString normalizeUserCode(const QString &code)
{
    QString out;
    for (const QChar c : code) {
        if (c.isLetterOrNumber())
            out += c.toUpper();
    }
    return out;
}

Response EntraApi::deviceLoginForm(const Request &request, int status, const QString &userCode, const QString &username,
                                   const QString &error)
{
    QString body = QStringLiteral("<h1>Enter code</h1><p>Enter the code displayed on your app or device.</p>");
    if (!error.isEmpty())
        body += QStringLiteral("<p class=\"error\" id=\"error\">%1</p>").arg(error.toHtmlEscaped());
    // With a known code, say which app asks (as Entra's "Are you trying to sign in to ...?").
    for (const auto &d : world().deviceCodes) {
        if (!userCode.isEmpty() && d.userCode == normalizeUserCode(userCode) && d.status == QLatin1String("pending")) {
            const Application *app = world().application(d.clientId);
            body += QStringLiteral("<p>Are you trying to sign in to <strong id=\"app\">%1</strong>?</p>")
                        .arg((app ? app->displayName : d.clientId).toHtmlEscaped());
            break;
        }
    }
    body += QStringLiteral("<form method=\"POST\" action=\"/devicelogin\">"
                           "<label for=\"user_code\">Code</label>"
                           "<input type=\"text\" id=\"user_code\" name=\"user_code\" value=\"%1\" autocomplete=\"off\">"
                           "<label for=\"username\">Sign in as</label>"
                           "<input type=\"text\" id=\"username\" name=\"username\" value=\"%2\" autocomplete=\"username\">"
                           "<button class=\"primary\" type=\"submit\" name=\"action\" value=\"approve\">Continue</button>"
                           "<button type=\"submit\" name=\"action\" value=\"decline\">Cancel</button></form>")
                .arg(userCode.toHtmlEscaped(), username.toHtmlEscaped());
    Response r = Response::html(status, pageShell(QStringLiteral("Enter code"), body));
    r.setHeader("X-Frame-Options", "DENY");
    addEntraHeaders(m_sandbox, request, r);
    return r;
}

Response EntraApi::deviceLoginPage(Request &request)
{
    const Params query = Params::parse(request.query.query(QUrl::FullyEncoded).toUtf8());
    QString code = query.value(QStringLiteral("otc"));
    if (code.isEmpty())
        code = query.value(QStringLiteral("user_code"));
    QString username;
    for (const auto &p : world().principals) {
        if (!p.isServicePrincipal) {
            username = p.username;
            break;
        }
    }
    return deviceLoginForm(request, 200, code, username, {});
}

Response EntraApi::deviceLoginSubmit(Request &request)
{
    housekeeping();
    const Params form = isFormContent(request) ? Params::parse(request.body) : Params();
    const QString entered = form.value(QStringLiteral("user_code"));
    const QString userCode = normalizeUserCode(entered);
    QString username = form.value(QStringLiteral("username")).trimmed();
    const QString action = form.value(QStringLiteral("action"));
    DeviceCode *found = nullptr;
    for (auto &d : world().deviceCodes) {
        if (!userCode.isEmpty() && d.userCode == userCode) {
            found = &d;
            break;
        }
    }
    if (!found)
        return deviceLoginForm(request, 400, entered, username,
                               QStringLiteral("AADSTS70018: That code didn't work. Check the code and try again."));
    if (world().nowMs() >= found->expiresAtMs)
        return deviceLoginForm(request, 400, entered, username,
                               QStringLiteral("AADSTS70019: That code has expired. Start the sign-in on your device again."));
    if (found->status != QLatin1String("pending"))
        return deviceLoginForm(request, 400, entered, username,
                               QStringLiteral("AADSTS70018: That code has already been used."));
    const Application *appPtr = world().application(found->clientId);
    const QString appName = appPtr ? appPtr->displayName : found->clientId;
    if (action == QLatin1String("decline")) {
        found->status = QStringLiteral("declined");
        m_sandbox.persist();
        Response r = Response::html(200, pageShell(QStringLiteral("Sign in declined"),
                                                   QStringLiteral("<h1 id=\"result\">Sign in declined</h1><p>You declined to sign in to %1 on your device. You may now close this window.</p>")
                                                       .arg(appName.toHtmlEscaped())));
        addEntraHeaders(m_sandbox, request, r);
        return r;
    }
    Authority authority;
    if (auto f = resolveAuthority(found->tenant, &authority))
        return deviceLoginForm(request, 400, entered, username, QStringLiteral("AADSTS%1: ").arg(f->code) + f->text);
    const Principal *user = nullptr;
    if (username.isEmpty()) {
        user = defaultUser(authority, {});
    } else {
        user = world().userByName(username);
    }
    if (!user)
        return deviceLoginForm(request, 400, entered, username,
                               QStringLiteral("AADSTS50034: The user account %1 does not exist in the %2 directory. To sign into this application, the account must be added to the directory.")
                                   .arg(username, authority.label));
    Application app = appPtr ? *appPtr : Application();
    QString tenantId;
    if (auto f = signInTenant(authority, *user, app, &tenantId))
        return deviceLoginForm(request, 400, entered, username, QStringLiteral("AADSTS%1: ").arg(f->code) + f->text);
    found->status = QStringLiteral("approved");
    found->objectId = user->objectId;
    const QString who = user->username;
    m_sandbox.persist();
    Response r = Response::html(200, pageShell(QStringLiteral("Signed in"),
                                               QStringLiteral("<h1 id=\"result\">You're signed in</h1><p>%1 signed in to %2 on your device. You may now close this window.</p>")
                                                   .arg(who.toHtmlEscaped(), appName.toHtmlEscaped())));
    addEntraHeaders(m_sandbox, request, r);
    return r;
}

// ---------------------------------------------------------------------------------------------
// Admin knobs (RouteKind::Admin, no auth: the sandbox listens on loopback only)

std::optional<Response> adminJsonBody(const Request &request, QJsonObject *out)
{
    QJsonParseError error;
    const auto doc = QJsonDocument::fromJson(request.body.isEmpty() ? QByteArray("{}") : request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return Response::armError(400, QStringLiteral("InvalidRequestContent"),
                                  QStringLiteral("The request content is not a JSON object."));
    *out = doc.object();
    return std::nullopt;
}

Response EntraApi::adminTenant(Request &request)
{
    QJsonObject body;
    if (auto bad = adminJsonBody(request, &body))
        return *bad;
    Tenant *tenant = world().tenant(request.params.value(0));
    if (!tenant)
        return Response::armError(404, QStringLiteral("TenantNotFound"),
                                  QStringLiteral("The tenant '%1' does not exist in this world.").arg(request.params.value(0).left(100)));
    if (body.contains(QStringLiteral("requireMfa"))) {
        if (!body.value(QStringLiteral("requireMfa")).isBool())
            return Response::armError(400, QStringLiteral("InvalidRequestContent"), QStringLiteral("'requireMfa' must be true or false."));
        tenant->requireMfa = body.value(QStringLiteral("requireMfa")).toBool();
    }
    if (body.value(QStringLiteral("displayName")).isString() && !body.value(QStringLiteral("displayName")).toString().isEmpty())
        tenant->displayName = body.value(QStringLiteral("displayName")).toString();
    const QJsonObject result{{QStringLiteral("tenantId"), tenant->tenantId},
                             {QStringLiteral("displayName"), tenant->displayName},
                             {QStringLiteral("defaultDomain"), tenant->defaultDomain},
                             {QStringLiteral("requireMfa"), tenant->requireMfa}};
    m_sandbox.persist();
    return Response::json(200, result);
}

// Revokes the refresh tokens of one user ({"username"} or {"objectId"}), optionally of one client
// ({"clientId"}), or all of them ({"all": true}), as a password reset or an admin's "revoke sessions" does.
Response EntraApi::adminRevoke(Request &request)
{
    QJsonObject body;
    if (auto bad = adminJsonBody(request, &body))
        return *bad;
    QString objectId = body.value(QStringLiteral("objectId")).toString();
    const QString username = body.value(QStringLiteral("username")).toString();
    const QString clientId = body.value(QStringLiteral("clientId")).toString();
    const bool all = body.value(QStringLiteral("all")).toBool();
    if (!username.isEmpty()) {
        const Principal *user = world().userByName(username);
        if (!user)
            return Response::armError(404, QStringLiteral("UserNotFound"),
                                      QStringLiteral("The user '%1' does not exist in this world.").arg(username.left(100)));
        objectId = user->objectId;
    }
    if (objectId.isEmpty() && !all)
        return Response::armError(400, QStringLiteral("InvalidRequestContent"),
                                  QStringLiteral("Give 'username' or 'objectId' (or 'all': true)."));
    int revoked = 0;
    for (auto &rt : world().refreshTokens) {
        if (rt.revoked || (!all && rt.objectId != objectId))
            continue;
        if (!clientId.isEmpty() && rt.clientId.compare(clientId, Qt::CaseInsensitive) != 0)
            continue;
        rt.revoked = true;
        ++revoked;
    }
    m_sandbox.persist();
    return Response::json(200, QJsonObject{{QStringLiteral("revoked"), revoked}});
}

// ---------------------------------------------------------------------------------------------

void EntraApi::housekeeping()
{
    const qint64 cutoff = world().nowMs() - kKeepExpiredMs;
    bool changed = false;
    for (auto it = world().authCodes.begin(); it != world().authCodes.end();) {
        if (it->expiresAtMs < cutoff) {
            it = world().authCodes.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    for (auto it = world().deviceCodes.begin(); it != world().deviceCodes.end();) {
        if (it->expiresAtMs < cutoff) {
            it = world().deviceCodes.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    for (auto it = world().refreshTokens.begin(); it != world().refreshTokens.end();) {
        if (it->expiresAtMs < cutoff) {
            it = world().refreshTokens.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    if (changed)
        m_sandbox.persist();
}

void EntraApi::registerRoutes(Sandbox &sandbox)
{
    const auto api = std::make_shared<EntraApi>(sandbox);
    auto add = [&sandbox, api](const char *method, const QString &path, RouteKind kind, const QString &operationId,
                               Response (EntraApi::*handler)(Request &)) {
        Route route;
        route.method = method;
        route.pattern = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        route.kind = kind;
        route.operationId = operationId;
        route.handler = [api, handler](Request &request) { return (api.get()->*handler)(request); };
        sandbox.addRoute(std::move(route));
    };
    add("GET", QStringLiteral("{}/v2.0/.well-known/openid-configuration"), RouteKind::Entra,
        QStringLiteral("Entra_OpenIdConfiguration"), &EntraApi::openidConfiguration);
    add("GET", QStringLiteral("{}/discovery/instance"), RouteKind::Entra, QStringLiteral("Entra_InstanceDiscovery"),
        &EntraApi::instanceDiscovery);
    add("GET", QStringLiteral("{}/discovery/v2.0/keys"), RouteKind::Entra, QStringLiteral("Entra_Keys"), &EntraApi::keys);
    add("GET", QStringLiteral("{}/discovery/keys"), RouteKind::Entra, QStringLiteral("Entra_Keys"), &EntraApi::keys);
    add("GET", QStringLiteral("{}/oauth2/v2.0/authorize"), RouteKind::Page, QStringLiteral("Entra_Authorize"),
        &EntraApi::authorize);
    add("POST", QStringLiteral("{}/oauth2/v2.0/authorize"), RouteKind::Page, QStringLiteral("Entra_Authorize"),
        &EntraApi::authorize);
    add("POST", QStringLiteral("{}/oauth2/v2.0/token"), RouteKind::Entra, QStringLiteral("Entra_Token"), &EntraApi::token);
    add("GET", QStringLiteral("{}/oauth2/v2.0/token"), RouteKind::Entra, QStringLiteral("Entra_Token"),
        &EntraApi::tokenWrongMethod);
    add("POST", QStringLiteral("{}/oauth2/v2.0/devicecode"), RouteKind::Entra, QStringLiteral("Entra_DeviceCode"),
        &EntraApi::deviceAuthorization);
    add("GET", QStringLiteral("{}/oauth2/v2.0/devicecode"), RouteKind::Entra, QStringLiteral("Entra_DeviceCode"),
        &EntraApi::tokenWrongMethod);
    add("GET", QStringLiteral("devicelogin"), RouteKind::Page, QStringLiteral("Entra_DeviceLogin"), &EntraApi::deviceLoginPage);
    add("POST", QStringLiteral("devicelogin"), RouteKind::Page, QStringLiteral("Entra_DeviceLogin"),
        &EntraApi::deviceLoginSubmit);
    add("GET", QStringLiteral("error"), RouteKind::Page, QStringLiteral("Entra_ErrorLookup"), &EntraApi::errorInfoPage);
    add("POST", QStringLiteral("_sandbox/tenants/{}"), RouteKind::Admin, QStringLiteral("Admin_UpdateTenant"),
        &EntraApi::adminTenant);
    add("POST", QStringLiteral("_sandbox/refresh-tokens/revoke"), RouteKind::Admin,
        QStringLiteral("Admin_RevokeRefreshTokens"), &EntraApi::adminRevoke);
}

} // namespace

void registerEntraRoutes(Sandbox &sandbox)
{
    EntraApi::registerRoutes(sandbox);
}

} // namespace Dps::Sandbox
