#include "KeychainBackend.h"

#include <QTimer>

#if defined(Q_OS_LINUX) && __has_include(<QtDBus/QDBusConnection>)
// QtKeychain itself links Qt DBus on Linux (Qt6Keychain's INTERFACE_LINK_LIBRARIES), so this adds no
// dependency of our own.
#include <QtDBus/QDBusConnection>
#include <QtDBus/QDBusMessage>
#include <QtDBus/QDBusPendingCallWatcher>
#include <QtDBus/QDBusPendingReply>
#include <QtDBus/QDBusVariant>
#define DPS_SECRETS_HAVE_DBUS 1
#endif

namespace Dps::Secrets {

namespace {

// Jobs delete themselves after `finished` (setAutoDelete(true)) and are never deleted by us: libsecret's
// callbacks hold a raw pointer into a running job, so deleting one early (as a parent would) is a
// use-after-free. If `context` dies first, the connection goes with it and the job just cleans up.
template<typename Job>
Job *newJob(const QString &service, const QString &key)
{
    auto *job = new Job(service);
    job->setInsecureFallback(false); // never a plaintext QSettings file
    job->setAutoDelete(true);
    job->setKey(key);
    return job;
}

void connectFinished(QKeychain::Job *job, QObject *context, KeychainCallback done, bool withData)
{
    QObject::connect(job,
                     &QKeychain::Job::finished,
                     context,
                     [done = std::move(done), withData](QKeychain::Job *finishedJob) {
                         KeychainResult result;
                         result.error = finishedJob->error();
                         result.message = finishedJob->errorString();
                         if (withData && result.error == QKeychain::NoError)
                             result.data = static_cast<QKeychain::ReadPasswordJob *>(finishedJob)
                                               ->binaryData();
                         done(result);
                     });
}

bool containsAny(const QString &text, std::initializer_list<const char *> needles)
{
    for (const char *needle : needles) {
        if (text.contains(QLatin1String(needle), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace

QtKeychainBackend::QtKeychainBackend(const QString &service)
    : m_service(service)
{}

void QtKeychainBackend::read(const QString &key, QObject *context, KeychainCallback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, key);
    connectFinished(job, context, std::move(done), true);
    job->start();
}

void QtKeychainBackend::write(const QString &key,
                              const QByteArray &data,
                              QObject *context,
                              KeychainCallback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setBinaryData(data);
    connectFinished(job, context, std::move(done), false);
    job->start();
}

void QtKeychainBackend::remove(const QString &key, QObject *context, KeychainCallback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, key);
    connectFinished(job, context, std::move(done), false);
    job->start();
}

void QtKeychainBackend::checkLocked(QObject *context, std::function<void(bool locked)> done)
{
#ifdef DPS_SECRETS_HAVE_DBUS
    // The Secret Service API: the default collection's "Locked" property. QtKeychain stores into that
    // collection (SECRET_COLLECTION_DEFAULT). No auto-start: reading a property must not launch a
    // keyring daemon; if none runs, the read that came before would have failed, not found nothing.
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage call
            = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"),
                                             QStringLiteral(
                                                 "/org/freedesktop/secrets/aliases/default"),
                                             QStringLiteral("org.freedesktop.DBus.Properties"),
                                             QStringLiteral("Get"));
        call << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        call.setAutoStartService(false);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call, 5000), context);
        QObject::connect(watcher,
                         &QDBusPendingCallWatcher::finished,
                         context,
                         [done = std::move(done)](QDBusPendingCallWatcher *w) {
                             w->deleteLater();
                             const QDBusPendingReply<QDBusVariant> reply = *w;
                             done(!reply.isError() && reply.value().variant().toBool());
                         });
        return;
    }
#endif
    QTimer::singleShot(0, context, [done = std::move(done)] { done(false); });
}

SecretError keychainError(QKeychain::Error error, const QString &message, const QString &key)
{
    SecretError result{SecretError::Kind::Other, message, key};
    if (error == QKeychain::NoError) {
        result.message = QStringLiteral("No error");
        return result;
    }
    // "Cannot create an item in a locked collection" (gnome-keyring via libsecret, which QtKeychain
    // 0.13 turns into AccessDenied or OtherError).
    if (containsAny(message, {"locked"})) {
        result.kind = SecretError::Kind::Locked;
        return result;
    }
    switch (error) {
    case QKeychain::EntryNotFound:
        result.kind = SecretError::Kind::NotFound;
        return result;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.kind = SecretError::Kind::NoBackend;
        return result;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.kind = SecretError::Kind::AccessDenied;
        return result;
    default:
        break;
    }
    // No session bus ("Cannot autolaunch D-Bus without X11 $DISPLAY", "Could not connect: ..."), a bus
    // without a Secret Service ("The name org.freedesktop.secrets was not provided by any .service
    // files"), or KWallet unreachable ("Could not open wallet: ...; D-Bus is not running").
    if (containsAny(message,
                    {"autolaunch",
                     "not provided by any .service",
                     "ServiceUnknown",
                     "Could not connect",
                     "DBUS_SESSION_BUS_ADDRESS",
                     "D-Bus is not running",
                     "No keychain service available",
                     "No keyring daemon",
                     "NoServer"})) {
        result.kind = SecretError::Kind::NoBackend;
    }
    return result;
}

} // namespace Dps::Secrets
