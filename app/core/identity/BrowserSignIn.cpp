// System-browser sign-in: authorization code + PKCE (S256) with a loopback redirect (RFC 8252,
// entra-auth-and-secrets.md sections 1.1, 4 and 6). Qt 6.4's QtNetworkAuth has no PKCE, binds its
// listener to every interface and swallows token errors, so the protocol is spoken here directly:
//
//   start ─► QTcpServer on 127.0.0.1:0 ─► opener(/authorize?...&state=S&code_challenge=C)
//                                               │ browser: sign-in, consent
//            GET http://localhost:PORT/?code=..&state=S  (or ?error=..&error_description=..)
//   state == S? ──no──► failed(state_mismatch)            favicon.ico etc. ─► 404, keep waiting
//        │yes                                             timeout / cancel ─► failed
//   stop listening ─► POST /token (code, code_verifier) ─► page "Signed in ..." or the error
//        ─► finished(SignInResult) / failed(AuthError)
//
// The browser's request is answered only after the code was redeemed, so the page can tell the
// truth about the outcome (QtNetworkAuth answers before, and can't report failures).
#include "SignIn.h"
#include "SignInSupport.h"

#include "http/OneShot.h"
#include "http/Policies.h"

#include <QHash>
#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrlQuery>

namespace Dps::Identity {

namespace {

constexpr int kDefaultTimeoutMs = 5 * 60 * 1000;
constexpr qsizetype kMaxRequestHeadBytes = 16 * 1024;

// application/x-www-form-urlencoded, as a browser's query string is: '+' is a space (Entra encodes
// error_description that way), the first occurrence of a name wins.
QHash<QString, QString> parseQuery(const QByteArray &query)
{
    QHash<QString, QString> out;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        auto decode = [](QByteArray s) {
            return QString::fromUtf8(QByteArray::fromPercentEncoding(s.replace('+', ' ')));
        };
        const QString name = decode(eq < 0 ? pair : pair.left(eq));
        if (!out.contains(name))
            out.insert(name, eq < 0 ? QString() : decode(pair.mid(eq + 1)));
    }
    return out;
}

QByteArray page(const QString &title, const QString &text)
{
    const QString html
        = QStringLiteral(
              "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>DPS Setup</title>"
              "<style>body{font-family:sans-serif;margin:3em}</style></head>"
              "<body><h1>%1</h1><p>%2</p></body></html>")
              .arg(title.toHtmlEscaped(), text.toHtmlEscaped());
    return html.toUtf8();
}

void answer(QTcpSocket *socket, int status, const QByteArray &body)
{
    if (!socket || socket->state() != QAbstractSocket::ConnectedState)
        return;
    const char *reason = status == 200   ? "OK"
                         : status == 400 ? "Bad Request"
                         : status == 404 ? "Not Found"
                         : status == 405 ? "Method Not Allowed"
                                         : "Gone";
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    head += "Content-Type: text/html; charset=utf-8\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    // The address held the code: keep it out of caches and Referer headers.
    head += "Cache-Control: no-store\r\nReferrer-Policy: no-referrer\r\n";
    head += "X-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

} // namespace

struct BrowserSignIn::Private
{
    enum class Stage { Idle, WaitingForBrowser, Redeeming, Done };

    BrowserSignIn *q = nullptr;
    PublicClientConfig config;
    UrlOpener opener;
    int timeoutMs = kDefaultTimeoutMs;
    Stage stage = Stage::Idle;
    bool finished = false; // a result was emitted (or is queued)
    int timeoutGeneration = 0;

    QTcpServer *server = nullptr; // child of q
    QString verifier;
    QString state;
    QString redirectUri;
    QPointer<QTcpSocket> callbackSocket; // the browser's request, answered after the redemption
    Http::CancellationTokenPtr cancellation;

    void fail(const AuthError &error);
    void succeed(const SignInResult &result);
    void stopListening();
    void onNewConnection();
    void onRequest(QTcpSocket *socket, const QByteArray &head);
    void redeem(const QString &code);
    QUrl authorizeUrl(const QString &challenge) const;
};

BrowserSignIn::BrowserSignIn(PublicClientConfig config, UrlOpener opener, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->q = this;
    d->config = std::move(config);
    d->opener = std::move(opener);
    Q_ASSERT(d->config.endpoint && d->config.clock);
}

BrowserSignIn::~BrowserSignIn()
{
    // Going away early only stops listening: no signal, and a redemption in flight is abandoned.
    if (d->cancellation)
        d->cancellation->cancel();
    // Its sockets' handlers use d: gone before d is.
    delete d->server;
    d->server = nullptr;
}

void BrowserSignIn::setTimeoutMs(int ms)
{
    d->timeoutMs = ms;
}

QUrl BrowserSignIn::Private::authorizeUrl(const QString &challenge) const
{
    Detail::Form query{{QStringLiteral("client_id"), config.clientId},
                       {QStringLiteral("response_type"), QStringLiteral("code")},
                       {QStringLiteral("redirect_uri"), redirectUri},
                       {QStringLiteral("scope"), config.interactiveScopes()},
                       {QStringLiteral("state"), state},
                       {QStringLiteral("code_challenge"), challenge},
                       {QStringLiteral("code_challenge_method"), QStringLiteral("S256")},
                       {QStringLiteral("prompt"), QStringLiteral("select_account")},
                       {QStringLiteral("client_info"), QStringLiteral("1")}};
    if (!config.loginHint.isEmpty())
        query.append({QStringLiteral("login_hint"), config.loginHint});
    QUrl url = config.endpoint->endpointUrl(config.tenant, QStringLiteral("authorize"));
    url.setQuery(QString::fromLatin1(TokenEndpoint::formBody(query)), QUrl::StrictMode);
    return url;
}

void BrowserSignIn::start()
{
    if (d->stage != Private::Stage::Idle)
        return;
    d->stage = Private::Stage::WaitingForBrowser;

    const QUrl authority = d->config.endpoint->authorityHost();
    if (!Http::isSecureOrLoopback(authority)) {
        d->fail(Detail::makeError(QStringLiteral("insecure_authority"),
                                  authority.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)));
        return;
    }
    if (!TokenEndpoint::isValidTenant(d->config.tenant)) {
        d->fail(Detail::makeError(QStringLiteral("invalid_tenant"), d->config.tenant.left(100)));
        return;
    }

    // Loopback only (QtNetworkAuth 6.4 listens on every interface), any free port: Entra ignores
    // the port of a registered http://localhost redirect.
    d->server = new QTcpServer(this);
    if (!d->server->listen(QHostAddress::LocalHost, 0)) {
        qCWarning(lcIdentity).noquote()
            << "Cannot listen on 127.0.0.1 for the sign-in redirect:" << d->server->errorString();
        d->fail(Detail::makeError(QStringLiteral("listener_failed"), d->server->errorString()));
        return;
    }
    connect(d->server, &QTcpServer::newConnection, this, [this] { d->onNewConnection(); });

    d->verifier = Detail::randomUrlSafe(32);
    d->state = Detail::randomUrlSafe(32);
    d->redirectUri = QStringLiteral("http://localhost:%1/").arg(d->server->serverPort());
    const QUrl url = d->authorizeUrl(Detail::pkceChallenge(d->verifier));
    qCInfo(lcIdentity).noquote() << "Browser sign-in: waiting on 127.0.0.1 port"
                                 << d->server->serverPort() << "for tenant" << d->config.tenant;

    const int generation = ++d->timeoutGeneration;
    d->config.clock->callLater(d->timeoutMs, this, [this, generation] {
        if (generation != d->timeoutGeneration || d->stage != Private::Stage::WaitingForBrowser)
            return;
        qCInfo(lcIdentity) << "Browser sign-in timed out after" << d->timeoutMs / 1000 << "s";
        AuthError e = Detail::makeError(QStringLiteral("timeout"));
        e.description = QString::number(qMax(1, d->timeoutMs / 1000));
        d->fail(e);
    });

    QPointer<BrowserSignIn> self(this);
    Q_EMIT waitingForBrowser(url);
    if (!self || d->stage != Private::Stage::WaitingForBrowser)
        return;
    if (d->opener && !d->opener(url))
        qCInfo(lcIdentity) << "No browser could be opened; the address has to be opened by hand";
}

void BrowserSignIn::cancel()
{
    if (d->finished)
        return;
    if (d->cancellation)
        d->cancellation->cancel();
    d->fail(Detail::makeError(QStringLiteral("cancelled")));
}

void BrowserSignIn::Private::stopListening()
{
    ++timeoutGeneration;
    if (server && server->isListening())
        server->close();
}

void BrowserSignIn::Private::fail(const AuthError &error)
{
    if (finished)
        return;
    stage = Stage::Done;
    stopListening();
    answer(callbackSocket,
           400,
           page(BrowserSignIn::tr("Sign-in to DPS Setup failed"),
                error.userMessage() + QLatin1Char(' ')
                    + BrowserSignIn::tr("You can close this tab and return to DPS Setup.")));
    callbackSocket = nullptr;
    Http::finishOnce(q, finished, [q = q, error] { Q_EMIT q->failed(error); });
}

void BrowserSignIn::Private::succeed(const SignInResult &result)
{
    if (finished)
        return;
    stage = Stage::Done;
    stopListening();
    answer(callbackSocket,
           200,
           page(BrowserSignIn::tr("Signed in"),
                BrowserSignIn::tr("Signed in to DPS Setup. You can close this tab.")));
    callbackSocket = nullptr;
    Http::finishOnce(q, finished, [q = q, result] { Q_EMIT q->finished(result); });
}

void BrowserSignIn::Private::onNewConnection()
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0) {
                if (buffer->size() > kMaxRequestHeadBytes)
                    answer(socket, 400, page(BrowserSignIn::tr("Bad request"), QString()));
                return;
            }
            const QByteArray head = buffer->left(end);
            buffer->clear();
            QObject::disconnect(socket, &QTcpSocket::readyRead, nullptr, nullptr);
            onRequest(socket, head);
        });
    }
}

void BrowserSignIn::Private::onRequest(QTcpSocket *socket, const QByteArray &head)
{
    // "GET /?code=...&state=... HTTP/1.1"
    const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
    if (requestLine.size() != 3 || !requestLine.at(1).startsWith('/')) {
        answer(socket, 400, page(BrowserSignIn::tr("Bad request"), QString()));
        return;
    }
    if (requestLine.at(0) != "GET") {
        answer(socket, 405, page(BrowserSignIn::tr("Not supported"), QString()));
        return;
    }
    const QByteArray target = requestLine.at(1);
    const qsizetype questionMark = target.indexOf('?');
    const QByteArray path = questionMark < 0 ? target : target.left(questionMark);
    const QHash<QString, QString> params = parseQuery(
        questionMark < 0 ? QByteArray() : target.mid(questionMark + 1));
    // Only the redirect itself counts: favicon.ico, probes and the like get a 404.
    if (path != "/"
        || (!params.contains(QStringLiteral("code")) && !params.contains(QStringLiteral("error")))) {
        answer(socket, 404, page(BrowserSignIn::tr("Not found"), QString()));
        return;
    }
    if (stage != Stage::WaitingForBrowser) {
        answer(socket,
               410,
               page(BrowserSignIn::tr("Sign-in already finished"),
                    BrowserSignIn::tr(
                        "This sign-in has already finished. You can close this tab.")));
        return;
    }
    callbackSocket = socket;

    // CSRF (RFC 6749 10.12): the answer must belong to the request this sign-in sent.
    if (params.value(QStringLiteral("state")) != state) {
        qCWarning(lcIdentity) << "Browser sign-in: the redirect's state does not match; ignored it";
        fail(Detail::makeError(QStringLiteral("state_mismatch")));
        return;
    }
    if (params.contains(QStringLiteral("error"))) {
        AuthError e = Detail::makeError(params.value(QStringLiteral("error")),
                                        params.value(QStringLiteral("error_description")));
        qCInfo(lcIdentity).noquote() << "Browser sign-in: the authorization failed with" << e.error
                                     << "codes" << e.aadstsCodes;
        fail(e);
        return;
    }
    const QString code = params.value(QStringLiteral("code"));
    if (code.isEmpty()) {
        fail(Detail::makeError(QStringLiteral("invalid_response"), QStringLiteral("empty code")));
        return;
    }
    stage = Stage::Redeeming;
    stopListening(); // one callback only
    redeem(code);
}

void BrowserSignIn::Private::redeem(const QString &code)
{
    const Detail::Form form{{QStringLiteral("client_id"), config.clientId},
                            {QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                            {QStringLiteral("code"), code},
                            {QStringLiteral("redirect_uri"), redirectUri},
                            {QStringLiteral("code_verifier"), verifier},
                            {QStringLiteral("scope"), config.interactiveScopes()},
                            {QStringLiteral("client_info"), QStringLiteral("1")}};
    cancellation = std::make_shared<Http::CancellationToken>();
    QPointer<BrowserSignIn> self(q);
    const QString tenant = config.tenant;
    config.endpoint->requestTokenResponse(tenant,
                                          form,
                                          cancellation,
                                          [self, tenant](const TokenEndpoint::Response &response) {
                                              if (!self)
                                                  return;
                                              Private *d = self->d.get();
                                              d->cancellation.reset();
                                              if (!response.token) {
                                                  d->fail(response.error);
                                                  return;
                                              }
                                              const SignInResult result
                                                  = Detail::signInResultFrom(response, tenant);
                                              qCInfo(lcIdentity).noquote()
                                                  << "Browser sign-in finished for tenant"
                                                  << result.tenantId;
                                              d->succeed(result);
                                          });
}

} // namespace Dps::Identity
