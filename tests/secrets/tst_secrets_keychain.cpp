// KeychainSecretStore against a real Secret Service (gnome-keyring over a private D-Bus session, see
// keychain_main.cpp and with-keyring.sh), plus the situations a desktop can be in: a locked keyring,
// no Secret Service at all, no D-Bus, a KWallet desktop without KWallet, and a keyring that comes up
// after the first call. Those run the store in a child process with an environment of their own
// (PrivateBus), because libsecret and GDBus settle on a bus once per process.
#include "PrivateBus.h"
#include "SecretsTestSupport.h"

#include "LogCapture.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretStoreAvailability.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUuid>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace Dps::Secrets;
using Dps::Test::JobOutcome;
using Dps::Test::PrivateBus;
using Dps::Test::waitFor;

// org.freedesktop.Secret.Secret: (session, parameters, value, content type).
struct SecretStruct
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};
Q_DECLARE_METATYPE(SecretStruct)

QDBusArgument &operator<<(QDBusArgument &argument, const SecretStruct &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, SecretStruct &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

namespace {

const QString Service = QStringLiteral("dps-setup-test");
const QString SecretsName = QStringLiteral("org.freedesktop.secrets");
const QString LoginCollection = QStringLiteral("/org/freedesktop/secrets/collection/login");
const QString NoBackendText = QStringLiteral(
    "No keychain is available (no Secret Service is running). You can stay signed in for this "
    "session only.");
const QString LockedText = QStringLiteral(
    "The keychain is locked. Unlock it and try again, or stay signed in for this session only.");

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QByteArray canary()
{
    return QByteArrayLiteral("dps-plaintext-canary-")
           + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + QByteArrayLiteral("-end");
}

bool secretServiceOnSessionBus()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    return bus.isConnected() && bus.interface()->isServiceRegistered(SecretsName).value();
}

// The keys (attribute "user") of every item the store's service has in the keyring, per secret-tool.
QStringList keysInKeyring(const QString &prefix)
{
    QProcess tool;
    tool.setProcessChannelMode(QProcess::MergedChannels); // it prints the attributes on stderr
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"),
                QStringLiteral("--all"),
                QStringLiteral("server"),
                Service});
    tool.waitForFinished(10000);
    QStringList keys;
    const QList<QByteArray> lines = tool.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("attribute.user = ")) {
            const QString key = QString::fromUtf8(line.mid(int(qstrlen("attribute.user = "))));
            if (key.startsWith(prefix))
                keys << key;
        }
    }
    keys.sort();
    return keys;
}

// An entry exactly as QtKeychain stores it, bypassing KeychainSecretStore.
std::optional<QByteArray> rawEntry(const QString &key)
{
    QtKeychainBackend backend(Service);
    QObject context;
    std::optional<KeychainResult> result;
    backend.read(key, &context, [&](const KeychainResult &r) { result = r; });
    (void) QTest::qWaitFor([&] { return result.has_value(); }, 10000);
    if (!result || result->error != QKeychain::NoError)
        return std::nullopt;
    return result->data;
}

class RealKeychain : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_EQ(qEnvironmentVariableIntValue("DPS_TEST_PRIVATE_KEYRING"), int(getpid()))
            << "run these tests through tests/secrets/with-keyring.sh (main() does that by itself)";
        ASSERT_TRUE(secretServiceOnSessionBus())
            << "no Secret Service (org.freedesktop.secrets) on the session bus";
        prefix = QStringLiteral("dps/test-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
        KeychainSecretStore::Options options;
        options.service = Service;
        store = std::make_unique<KeychainSecretStore>(options);
    }

    QString key(const QString &name = QStringLiteral("refresh-token")) const
    {
        return prefix + QLatin1Char('/') + name;
    }

    QString prefix;
    std::unique_ptr<KeychainSecretStore> store;
};

// ---- a working keyring --------------------------------------------------------------------------

TEST_F(RealKeychain, WritesAndReadsBack)
{
    const JobOutcome write = waitFor(store->write(key(), "0.AQ-refresh-token"));
    ASSERT_TRUE(write.ok) << write.error.technicalDetails().toStdString();
    EXPECT_EQ(write.signals, 1);
    const JobOutcome read = waitFor(store->read(key()));
    ASSERT_TRUE(read.ok) << read.error.technicalDetails().toStdString();
    EXPECT_EQ(read.value, "0.AQ-refresh-token");
    EXPECT_EQ(keysInKeyring(prefix), QStringList{key()});
}

TEST_F(RealKeychain, ReadOfAMissingKeyFailsWithNotFound)
{
    const JobOutcome read = waitFor(store->read(key()));
    ASSERT_TRUE(read.done);
    EXPECT_FALSE(read.ok);
    EXPECT_EQ(read.error.kind, SecretError::Kind::NotFound);
    EXPECT_EQ(read.error.key, key());
}

TEST_F(RealKeychain, RemovedValueReadsAsNotFound)
{
    ASSERT_TRUE(waitFor(store->write(key(), "value")).ok);
    const JobOutcome remove = waitFor(store->remove(key()));
    ASSERT_TRUE(remove.ok) << remove.error.technicalDetails().toStdString();
    EXPECT_EQ(waitFor(store->read(key())).error.kind, SecretError::Kind::NotFound);
    EXPECT_TRUE(keysInKeyring(prefix).isEmpty());
    EXPECT_TRUE(waitFor(store->remove(key())).ok); // nothing left to remove is fine too
}

TEST_F(RealKeychain, LargeValueIsStoredInPartsAndReassembledExactly)
{
    const QByteArray value = randomBytes(10000); // every byte value, zeros included
    ASSERT_TRUE(waitFor(store->write(key(), value)).ok);

    const QStringList parts{key(), key() + ".1", key() + ".2", key() + ".3", key() + ".4"};
    EXPECT_EQ(keysInKeyring(prefix), parts); // really split, as the keyring itself lists it
    for (const QString &part : parts) {
        const std::optional<QByteArray> entry = rawEntry(part);
        ASSERT_TRUE(entry.has_value()) << part.toStdString();
        EXPECT_LE(entry->size(), 2560)
            << part.toStdString(); // Windows' CRED_MAX_CREDENTIAL_BLOB_SIZE
    }
    EXPECT_EQ(rawEntry(key() + ".4")->size(), 10000 - 4 * 2048);

    const JobOutcome read = waitFor(store->read(key()));
    ASSERT_TRUE(read.ok) << read.error.technicalDetails().toStdString();
    EXPECT_EQ(read.value.size(), value.size());
    EXPECT_TRUE(read.value == value);
}

TEST_F(RealKeychain, OverwritingALongValueWithAShortOneLeavesNoStaleParts)
{
    ASSERT_TRUE(waitFor(store->write(key(), randomBytes(10000))).ok);
    ASSERT_EQ(keysInKeyring(prefix).size(), 5);
    ASSERT_TRUE(waitFor(store->write(key(), "short")).ok);
    EXPECT_EQ(keysInKeyring(prefix), QStringList{key()});
    EXPECT_EQ(waitFor(store->read(key())).value, "short");
}

TEST_F(RealKeychain, RemoveDeletesEveryPart)
{
    ASSERT_TRUE(waitFor(store->write(key(), randomBytes(10000))).ok);
    ASSERT_TRUE(waitFor(store->write(key(QStringLiteral("client-secret")), "other")).ok);
    ASSERT_TRUE(waitFor(store->remove(key())).ok);
    EXPECT_EQ(keysInKeyring(prefix), QStringList{key(QStringLiteral("client-secret"))});
    EXPECT_EQ(waitFor(store->read(key())).error.kind, SecretError::Kind::NotFound);
}

TEST_F(RealKeychain, ProbeReportsAWorkingKeychainAndLeavesNothingBehind)
{
    SecretStoreAvailability *probe = SecretStoreAvailability::probe(store.get());
    QSignalSpy finished(probe, &SecretStoreAvailability::finished);
    QSignalSpy failed(probe, &SecretStoreAvailability::failed);
    ASSERT_TRUE(finished.wait(10000))
        << (failed.isEmpty()
                ? std::string("timeout")
                : failed.at(0).at(0).value<SecretError>().technicalDetails().toStdString());
    EXPECT_TRUE(keysInKeyring(QStringLiteral("dps/probe/")).isEmpty());
}

TEST_F(RealKeychain, NeitherTheDiskNorTheLogSeeTheValue)
{
    Dps::Test::LogCapture log;
    const QByteArray value = canary();
    ASSERT_TRUE(waitFor(store->write(key(), value)).ok);
    ASSERT_TRUE(waitFor(store->read(key())).ok);
    EXPECT_TRUE(Dps::Test::filesContaining(QDir::homePath(), value)
                    .isEmpty()); // the keyring file is encrypted
    EXPECT_FALSE(log.contains(QString::fromLatin1(value)));
}

// ---- a locked keyring ---------------------------------------------------------------------------

class LockedKeychain : public RealKeychain
{
protected:
    void TearDown() override { unlock(); }

    void lock()
    {
        QDBusMessage call
            = QDBusMessage::createMethodCall(SecretsName,
                                             QStringLiteral("/org/freedesktop/secrets"),
                                             QStringLiteral("org.freedesktop.Secret.Service"),
                                             QStringLiteral("Lock"));
        call << QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(LoginCollection)});
        const QDBusMessage reply = QDBusConnection::sessionBus().call(call, QDBus::Block, 10000);
        ASSERT_EQ(reply.type(), QDBusMessage::ReplyMessage) << reply.errorMessage().toStdString();
        ASSERT_TRUE(collectionLocked());
    }

    // The Secret Service API can only unlock through a prompt (no display here); gnome-keyring's
    // own interface takes the password, as seahorse does.
    void unlock()
    {
        qDBusRegisterMetaType<SecretStruct>();
        QDBusConnection bus = QDBusConnection::sessionBus();
        QDBusMessage open
            = QDBusMessage::createMethodCall(SecretsName,
                                             QStringLiteral("/org/freedesktop/secrets"),
                                             QStringLiteral("org.freedesktop.Secret.Service"),
                                             QStringLiteral("OpenSession"));
        open << QStringLiteral("plain") << QVariant::fromValue(QDBusVariant(QString()));
        const QDBusMessage session = bus.call(open, QDBus::Block, 10000);
        ASSERT_EQ(session.arguments().size(), 2) << session.errorMessage().toStdString();
        SecretStruct secret{session.arguments().at(1).value<QDBusObjectPath>(),
                            {},
                            qgetenv("DPS_TEST_KEYRING_PASSWORD"),
                            QStringLiteral("text/plain")};
        QDBusMessage unlock = QDBusMessage::createMethodCall(
            SecretsName,
            QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
            QStringLiteral("UnlockWithMasterPassword"));
        unlock << QVariant::fromValue(QDBusObjectPath(LoginCollection))
               << QVariant::fromValue(secret);
        const QDBusMessage reply = bus.call(unlock, QDBus::Block, 10000);
        ASSERT_EQ(reply.type(), QDBusMessage::ReplyMessage) << reply.errorMessage().toStdString();
        ASSERT_FALSE(collectionLocked());
    }

    static bool collectionLocked()
    {
        QDBusMessage get = QDBusMessage::createMethodCall(SecretsName,
                                                          LoginCollection,
                                                          QStringLiteral(
                                                              "org.freedesktop.DBus.Properties"),
                                                          QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        const QDBusMessage reply = QDBusConnection::sessionBus().call(get, QDBus::Block, 10000);
        return !reply.arguments().isEmpty()
               && reply.arguments().at(0).value<QDBusVariant>().variant().toBool();
    }
};

TEST_F(LockedKeychain, WriteFailsWithLockedAndSaysWhatToDo)
{
    lock();
    const JobOutcome write = waitFor(store->write(key(), "value"));
    ASSERT_TRUE(write.done);
    EXPECT_FALSE(write.ok);
    EXPECT_EQ(write.error.kind, SecretError::Kind::Locked);
    EXPECT_TRUE(write.error.message.contains(QStringLiteral("locked collection")))
        << write.error.message.toStdString();
    EXPECT_EQ(write.error.userMessage(), LockedText);
    EXPECT_TRUE(write.error.isKeychainUnavailable());
}

TEST_F(LockedKeychain, ReadOfAStoredValueFailsWithLockedNotNotFound)
{
    ASSERT_TRUE(waitFor(store->write(key(), "kept")).ok);
    lock();
    const JobOutcome read = waitFor(store->read(key()));
    EXPECT_EQ(read.error.kind, SecretError::Kind::Locked);
    EXPECT_EQ(read.error.userMessage(), LockedText);
    const JobOutcome remove = waitFor(store->remove(key()));
    EXPECT_EQ(remove.error.kind, SecretError::Kind::Locked);
    unlock();
    EXPECT_EQ(waitFor(store->read(key())).value, "kept"); // nothing was lost
}

TEST_F(LockedKeychain, ProbeReportsLocked)
{
    lock();
    SecretStoreAvailability *probe = SecretStoreAvailability::probe(store.get());
    QSignalSpy failed(probe, &SecretStoreAvailability::failed);
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_EQ(failed.at(0).at(0).value<SecretError>().kind, SecretError::Kind::Locked);
}

// ---- no keychain at all, in a child process -----------------------------------------------------

struct ClientOutcome
{
    bool ran = false;
    bool ok = false;
    QString kind;
    QString message;
    QString userMessage;
    QByteArray value;
    QString log; // its stderr
};

ClientOutcome parseClient(QProcess &client)
{
    ClientOutcome outcome;
    outcome.log = QString::fromUtf8(client.readAllStandardError());
    const QByteArray out = client.readAllStandardOutput().trimmed();
    const QJsonObject json = QJsonDocument::fromJson(out.mid(out.lastIndexOf('\n') + 1)).object();
    outcome.ran = !json.isEmpty();
    outcome.ok = json.value(QStringLiteral("ok")).toBool();
    outcome.kind = json.value(QStringLiteral("kind")).toString();
    outcome.message = json.value(QStringLiteral("message")).toString();
    outcome.userMessage = json.value(QStringLiteral("userMessage")).toString();
    outcome.value = QByteArray::fromBase64(
        json.value(QStringLiteral("value")).toString().toLatin1());
    return outcome;
}

void startClient(QProcess &client,
                 const QProcessEnvironment &env,
                 const QStringList &args,
                 const QByteArray &input = {})
{
    client.setProcessEnvironment(env);
    client.start(QCoreApplication::applicationFilePath(),
                 QStringList{QStringLiteral("--client")} + args);
    client.waitForStarted(5000);
    client.write(input); // the value comes on stdin, never on the command line
    client.waitForBytesWritten(5000);
    client.closeWriteChannel();
}

ClientOutcome runClient(const QProcessEnvironment &env,
                        const QStringList &args,
                        const QByteArray &input = {})
{
    QProcess client;
    startClient(client, env, args, input);
    if (!client.waitForFinished(20000)) {
        client.kill();
        client.waitForFinished(3000);
    }
    return parseClient(client);
}

// Probe, write, read and remove in a fresh process: each must say NoBackend, and nothing may be
// written under the child's HOME/XDG dirs (or ours): no plaintext fallback, anywhere.
void expectNoBackendAndNoFile(const QProcessEnvironment &env,
                              const QString &home,
                              const QString &runtimeDir)
{
    const QString key = QStringLiteral("dps/test/account/refresh-token");
    const QByteArray value = canary();
    const QString retry = QStringLiteral("50"); // the one retry still happens; keep it short

    const ClientOutcome probe = runClient(env, {QStringLiteral("probe"), key, retry});
    ASSERT_TRUE(probe.ran) << probe.log.toStdString();
    EXPECT_FALSE(probe.ok);
    EXPECT_EQ(probe.kind, QStringLiteral("NoBackend")) << probe.message.toStdString();
    EXPECT_EQ(probe.userMessage, NoBackendText);

    for (const QString &command :
         {QStringLiteral("write"), QStringLiteral("read"), QStringLiteral("remove")}) {
        const ClientOutcome outcome = runClient(env,
                                                {command, key, retry},
                                                command == QLatin1String("write") ? value
                                                                                  : QByteArray());
        ASSERT_TRUE(outcome.ran) << command.toStdString() << ": " << outcome.log.toStdString();
        EXPECT_FALSE(outcome.ok) << command.toStdString();
        EXPECT_EQ(outcome.kind, QStringLiteral("NoBackend"))
            << command.toStdString() << ": " << outcome.message.toStdString();
        EXPECT_FALSE(outcome.log.contains(QString::fromLatin1(value)));
    }
    EXPECT_EQ(Dps::Test::filesUnder(home), QStringList()) << "the child wrote under its HOME";
    EXPECT_EQ(Dps::Test::filesContaining(runtimeDir, value), QStringList());
    EXPECT_EQ(Dps::Test::filesContaining(QDir::homePath(), value), QStringList());
}

TEST(NoSecretService, ABusWithoutSecretServiceGivesNoBackendAndNoPlaintextFile)
{
    PrivateBus bus;
    ASSERT_TRUE(bus.isValid()) << bus.error().toStdString();
    ASSERT_FALSE(bus.secretServiceOwned());
    expectNoBackendAndNoFile(bus.environment(), bus.home(), bus.runtimeDir());
}

TEST(NoSecretService, NoSessionBusGivesNoBackendAndNoPlaintextFile)
{
    PrivateBus bus; // only for the scratch HOME
    ASSERT_TRUE(bus.isValid()) << bus.error().toStdString();
    QProcessEnvironment env = bus.environment();
    env.remove(QStringLiteral(
        "DBUS_SESSION_BUS_ADDRESS")); // and no DISPLAY: "Cannot autolaunch D-Bus without X11"
    expectNoBackendAndNoFile(env, bus.home(), bus.runtimeDir());
}

TEST(NoSecretService, AKWalletDesktopWithoutKWalletGivesNoBackendAndNoPlaintextFile)
{
    // QtKeychain's KWallet code is where its plaintext fallback lives (entra-auth-and-secrets.md 5).
    PrivateBus bus;
    ASSERT_TRUE(bus.isValid()) << bus.error().toStdString();
    QProcessEnvironment env = bus.environment();
    env.insert(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("KDE"));
    env.insert(QStringLiteral("KDE_SESSION_VERSION"), QStringLiteral("4"));
    expectNoBackendAndNoFile(env, bus.home(), bus.runtimeDir());
}

TEST(NoSecretService, TheFileScanWouldCatchAPlaintextFallback)
{
    // The control for the tests above: QtKeychain with the fallback switched on does leave a file.
    PrivateBus bus;
    ASSERT_TRUE(bus.isValid()) << bus.error().toStdString();
    QProcessEnvironment env = bus.environment();
    env.insert(QStringLiteral("XDG_CURRENT_DESKTOP"), QStringLiteral("KDE"));
    env.insert(QStringLiteral("KDE_SESSION_VERSION"), QStringLiteral("4"));
    const QByteArray value = canary();
    const ClientOutcome outcome = runClient(env,
                                            {QStringLiteral("raw-insecure-write"),
                                             QStringLiteral("dps/test/control")},
                                            value);
    ASSERT_TRUE(outcome.ran) << outcome.log.toStdString();
    EXPECT_TRUE(outcome.ok) << outcome.message.toStdString();
    EXPECT_FALSE(Dps::Test::filesContaining(bus.home(), value).isEmpty())
        << Dps::Test::filesUnder(bus.home()).join(u' ').toStdString();
}

// ---- a keyring that starts after the first call ---------------------------------------------------

TEST(KeychainNotReadyYet, RetriesOnceAndSucceedsWhenTheSecretServiceStartsLate)
{
    PrivateBus bus;
    ASSERT_TRUE(bus.isValid()) << bus.error().toStdString();
    const QString key = QStringLiteral("dps/test/late/refresh-token");
    const QByteArray value = randomBytes(3000).toBase64(); // two parts

    QProcess client;
    client.setProcessChannelMode(QProcess::SeparateChannels);
    startClient(client,
                bus.environment(),
                {QStringLiteral("write"), key, QStringLiteral("1500")},
                value);
    // The first attempt fails (no Secret Service yet) and the store says it will retry.
    QByteArray log;
    const QDeadlineTimer deadline(10000);
    while (!log.contains("retrying") && !deadline.hasExpired()
           && client.state() == QProcess::Running) {
        client.waitForReadyRead(100);
        log += client.readAllStandardError();
    }
    ASSERT_TRUE(log.contains("retrying")) << log.constData();
    ASSERT_TRUE(bus.startKeyring("late-keyring")) << bus.error().toStdString();
    ASSERT_TRUE(client.waitForFinished(15000));
    ClientOutcome write = parseClient(client);
    ASSERT_TRUE(write.ran) << (log + write.log.toUtf8()).constData();
    EXPECT_TRUE(write.ok) << write.kind.toStdString() << ": " << write.message.toStdString();
    EXPECT_FALSE(log.contains(value.left(40)));

    const ClientOutcome read = runClient(bus.environment(), {QStringLiteral("read"), key});
    EXPECT_TRUE(read.ok) << read.message.toStdString();
    EXPECT_TRUE(read.value == value);
}

} // namespace
