// Unit tests of the secret stores: MemorySecretStore, the error kinds, the availability probe, and
// KeychainSecretStore's own logic (parts, stale parts, retry, ordering) over a scripted keychain.
// The same store against a real Secret Service: tst_secrets_keychain.cpp.
#include "SecretsTestSupport.h"

#include "FakeClock.h"
#include "LogCapture.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/MemorySecretStore.h"
#include "secrets/SecretStoreAvailability.h"

#include <QPointer>
#include <QRandomGenerator>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Dps::Secrets;
using Dps::Test::FakeClock;
using Dps::Test::FakeKeychainBackend;
using Dps::Test::JobOutcome;
using Dps::Test::waitFor;

namespace {

const QString Key = QStringLiteral("dps/tenant-1/account-1/refresh-token");

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(QRandomGenerator::global()->bounded(256));
    return bytes;
}

const QString NoBackendText = QStringLiteral(
    "No keychain is available (no Secret Service is running). You can stay signed in for this "
    "session only.");
const QString LockedText = QStringLiteral(
    "The keychain is locked. Unlock it and try again, or stay signed in for this session only.");

} // namespace

// ---- SecretError --------------------------------------------------------------------------------

TEST(SecretError, MapsQtKeychainCodesToKinds)
{
    EXPECT_EQ(keychainError(QKeychain::EntryNotFound, QStringLiteral("Entry not found")).kind,
              SecretError::Kind::NotFound);
    EXPECT_EQ(keychainError(QKeychain::NoBackendAvailable,
                            QStringLiteral("No keychain service available"))
                  .kind,
              SecretError::Kind::NoBackend);
    EXPECT_EQ(keychainError(QKeychain::NotImplemented, QStringLiteral("Not implemented")).kind,
              SecretError::Kind::NoBackend);
    EXPECT_EQ(keychainError(QKeychain::AccessDeniedByUser, QStringLiteral("Denied")).kind,
              SecretError::Kind::AccessDenied);
    EXPECT_EQ(keychainError(QKeychain::AccessDenied, QStringLiteral("Access to keychain denied"))
                  .kind,
              SecretError::Kind::AccessDenied);
}

TEST(SecretError, MapsMissingDBusOrSecretServiceToNoBackend)
{
    // The texts libsecret and QtKeychain's KWallet code give (entra-auth-and-secrets.md 7.2 and our runs).
    for (const char *text :
         {"Cannot autolaunch D-Bus without X11 $DISPLAY",
          "Could not connect: No such file or directory",
          "The name org.freedesktop.secrets was not provided by any .service files",
          "Could not open wallet: org.freedesktop.DBus.Error.NoServer; D-Bus is not running"}) {
        const SecretError error = keychainError(QKeychain::OtherError, QString::fromLatin1(text));
        EXPECT_EQ(error.kind, SecretError::Kind::NoBackend) << text;
        EXPECT_EQ(error.userMessage(), NoBackendText);
    }
}

TEST(SecretError, MapsLockedCollectionToLockedWhateverTheCode)
{
    const QString text = QStringLiteral("Cannot create an item in a locked collection");
    EXPECT_EQ(keychainError(QKeychain::OtherError, text).kind, SecretError::Kind::Locked);
    EXPECT_EQ(keychainError(QKeychain::AccessDenied, text).kind,
              SecretError::Kind::Locked); // SECRET_ERROR_IS_LOCKED
    EXPECT_EQ(keychainError(QKeychain::OtherError, text).userMessage(), LockedText);
}

TEST(SecretError, KeepsUnknownFailuresAsOtherWithTheBackendsText)
{
    const QString text = QStringLiteral(
        "Object does not exist at path \"/org/freedesktop/secrets/collection/login\"");
    const SecretError error = keychainError(QKeychain::OtherError, text, Key);
    EXPECT_EQ(error.kind, SecretError::Kind::Other);
    EXPECT_FALSE(error.isKeychainUnavailable());
    EXPECT_TRUE(error.userMessage().contains(text));
    EXPECT_TRUE(error.technicalDetails().contains(Key));
    EXPECT_TRUE(error.technicalDetails().contains(QStringLiteral("Other")));
}

TEST(SecretError, OffersSessionOnlyWhenNoKeychainCanBeUsed)
{
    EXPECT_TRUE((SecretError{SecretError::Kind::NoBackend, {}, {}}).isKeychainUnavailable());
    EXPECT_TRUE((SecretError{SecretError::Kind::Locked, {}, {}}).isKeychainUnavailable());
    EXPECT_TRUE((SecretError{SecretError::Kind::AccessDenied, {}, {}}).isKeychainUnavailable());
    EXPECT_FALSE(SecretError::notFound(Key).isKeychainUnavailable());
    EXPECT_TRUE((SecretError{SecretError::Kind::AccessDenied, {}, {}})
                    .userMessage()
                    .contains(QStringLiteral("session only")));
}

TEST(SecretKeys, NameTenantAccountAndPurpose)
{
    EXPECT_EQ(refreshTokenKey(QStringLiteral("t1"), QStringLiteral("a1")),
              QStringLiteral("dps/t1/a1/refresh-token"));
    EXPECT_EQ(clientSecretKey(QStringLiteral("t1"), QStringLiteral("c1")),
              QStringLiteral("dps/t1/c1/client-secret"));
    EXPECT_TRUE(keyProblem(refreshTokenKey(QStringLiteral("t1"), QStringLiteral("a1"))).isEmpty());
    EXPECT_FALSE(keyProblem(QString()).isEmpty());
    EXPECT_FALSE(keyProblem(QStringLiteral("dps/x.3")).isEmpty()); // reserved for parts
    EXPECT_TRUE(keyProblem(QStringLiteral("dps/x.3a")).isEmpty());
}

// ---- MemorySecretStore --------------------------------------------------------------------------

TEST(MemorySecretStore, ReadsBackWhatWasWritten)
{
    MemorySecretStore store;
    const QByteArray value = randomBytes(5000);
    EXPECT_TRUE(waitFor(store.write(Key, value)).ok);
    const JobOutcome read = waitFor(store.read(Key));
    ASSERT_TRUE(read.ok);
    EXPECT_EQ(read.value, value);
    EXPECT_EQ(read.signals, 1);
    EXPECT_FALSE(store.isPersistent());
}

TEST(MemorySecretStore, ReadOfMissingKeyFailsWithNotFound)
{
    MemorySecretStore store;
    const JobOutcome read = waitFor(store.read(Key));
    ASSERT_TRUE(read.done);
    EXPECT_FALSE(read.ok);
    EXPECT_EQ(read.error.kind, SecretError::Kind::NotFound);
    EXPECT_EQ(read.error.key, Key);
    EXPECT_EQ(read.signals, 1);
}

TEST(MemorySecretStore, RemoveDeletesTheValueAndSucceedsWhenNothingIsStored)
{
    MemorySecretStore store;
    waitFor(store.write(Key, "v"));
    EXPECT_TRUE(waitFor(store.remove(Key)).ok);
    EXPECT_FALSE(store.contains(Key));
    EXPECT_EQ(waitFor(store.read(Key)).error.kind, SecretError::Kind::NotFound);
    EXPECT_TRUE(waitFor(store.remove(Key)).ok);
}

TEST(MemorySecretStore, AnswersLaterFromTheEventLoopAndThenDeletesTheJob)
{
    MemorySecretStore store;
    SecretJob *job = store.write(Key, "v");
    QPointer<SecretJob> alive(job);
    QSignalSpy finished(job, &SecretJob::finished);
    EXPECT_EQ(finished.count(), 0);   // not inside the call
    EXPECT_TRUE(store.contains(Key)); // but applied at once: a read started now sees it
    ASSERT_TRUE(finished.wait(2000));
    (void) QTest::qWaitFor([&] { return alive.isNull(); }, 2000);
    EXPECT_TRUE(alive.isNull());
}

TEST(MemorySecretStore, ReportsTheFailureATestInjects)
{
    MemorySecretStore store;
    store.setFailure(SecretError{SecretError::Kind::Locked, QStringLiteral("locked"), {}});
    const JobOutcome write = waitFor(store.write(Key, "v"));
    EXPECT_EQ(write.error.kind, SecretError::Kind::Locked);
    EXPECT_EQ(write.error.key, Key);
    EXPECT_FALSE(store.contains(Key));
    store.setFailure(std::nullopt);
    EXPECT_TRUE(waitFor(store.write(Key, "v")).ok);
    EXPECT_EQ(store.keys(), QStringList{Key});
}

TEST(MemorySecretStore, RefusesKeysReservedForParts)
{
    MemorySecretStore store;
    const JobOutcome write = waitFor(store.write(QStringLiteral("dps/t/a/refresh-token.1"), "v"));
    EXPECT_EQ(write.error.kind, SecretError::Kind::Other);
    EXPECT_TRUE(store.keys().isEmpty());
}

// ---- SecretStoreAvailability --------------------------------------------------------------------

TEST(SecretStoreAvailability, ReportsAWorkingStoreAndLeavesNoProbeBehind)
{
    MemorySecretStore store;
    SecretStoreAvailability *probe = SecretStoreAvailability::probe(&store);
    QSignalSpy finished(probe, &SecretStoreAvailability::finished);
    QSignalSpy failed(probe, &SecretStoreAvailability::failed);
    ASSERT_TRUE(finished.wait(2000));
    EXPECT_EQ(failed.count(), 0);
    EXPECT_TRUE(store.keys().isEmpty());
}

TEST(SecretStoreAvailability, ReportsWhyTheKeychainCantBeUsed)
{
    MemorySecretStore store;
    store.setFailure(
        SecretError{SecretError::Kind::NoBackend, QStringLiteral("Cannot autolaunch D-Bus"), {}});
    SecretStoreAvailability *probe = SecretStoreAvailability::probe(&store);
    QSignalSpy failed(probe, &SecretStoreAvailability::failed);
    ASSERT_TRUE(failed.wait(2000));
    const auto error = failed.at(0).at(0).value<SecretError>();
    EXPECT_EQ(error.kind, SecretError::Kind::NoBackend);
    EXPECT_EQ(error.userMessage(), NoBackendText);
}

// ---- KeychainSecretStore over a scripted keychain ------------------------------------------------

class KeychainSecretStoreLogic : public ::testing::Test
{
protected:
    KeychainSecretStoreLogic()
        : keychain(std::make_shared<FakeKeychainBackend::Shared>())
        , clock(std::make_shared<FakeClock>())
    {
        recreate();
    }

    void recreate()
    {
        store.reset();
        KeychainSecretStore::Options options;
        options.service = QStringLiteral("dps-setup-test");
        options.clock = clock;
        store = std::make_unique<KeychainSecretStore>(options,
                                                      std::make_unique<FakeKeychainBackend>(
                                                          keychain));
    }

    QStringList entryKeys() const { return keychain->entries.keys(); }

    std::shared_ptr<FakeKeychainBackend::Shared> keychain;
    std::shared_ptr<FakeClock> clock;
    std::unique_ptr<KeychainSecretStore> store;
};

TEST_F(KeychainSecretStoreLogic, StoresAShortValueInOneEntryBehindAHeader)
{
    ASSERT_TRUE(waitFor(store->write(Key, "hello")).ok);
    EXPECT_EQ(entryKeys(), QStringList{Key});
    EXPECT_TRUE(keychain->entries.value(Key).startsWith("dpss1 1 5 "));
    EXPECT_TRUE(keychain->entries.value(Key).endsWith("\nhello"));
    EXPECT_EQ(waitFor(store->read(Key)).value, "hello");
}

TEST_F(KeychainSecretStoreLogic, SplitsALongValueIntoPartsThatFitTheWindowsLimit)
{
    const QByteArray value = randomBytes(10000);
    ASSERT_TRUE(waitFor(store->write(Key, value)).ok);
    EXPECT_EQ(entryKeys(), (QStringList{Key, Key + ".1", Key + ".2", Key + ".3", Key + ".4"}));
    for (const QByteArray &entry : std::as_const(keychain->entries))
        EXPECT_LE(entry.size(), 2560); // CRED_MAX_CREDENTIAL_BLOB_SIZE
    EXPECT_EQ(keychain->entries.value(Key + ".1"), value.mid(2048, 2048));
    const JobOutcome read = waitFor(store->read(Key));
    ASSERT_TRUE(read.ok) << read.error.technicalDetails().toStdString();
    EXPECT_EQ(read.value, value);
}

TEST_F(KeychainSecretStoreLogic, SplitsOnlyAbove2048Bytes)
{
    ASSERT_TRUE(waitFor(store->write(Key, randomBytes(2048))).ok);
    EXPECT_EQ(entryKeys().size(), 1);
    const QByteArray value = randomBytes(2049);
    ASSERT_TRUE(waitFor(store->write(Key, value)).ok);
    EXPECT_EQ(entryKeys().size(), 2);
    EXPECT_EQ(waitFor(store->read(Key)).value, value);
    ASSERT_TRUE(waitFor(store->write(Key, QByteArray())).ok);
    EXPECT_EQ(entryKeys(), QStringList{Key});
    const JobOutcome empty = waitFor(store->read(Key));
    EXPECT_TRUE(empty.ok);
    EXPECT_TRUE(empty.value.isEmpty());
}

TEST_F(KeychainSecretStoreLogic, OverwritingALongValueWithAShortOneLeavesNoStaleParts)
{
    ASSERT_TRUE(waitFor(store->write(Key, randomBytes(10000))).ok);
    ASSERT_TRUE(waitFor(store->write(Key, randomBytes(3000))).ok);
    EXPECT_EQ(entryKeys(), (QStringList{Key, Key + ".1"}));
    ASSERT_TRUE(waitFor(store->write(Key, "short")).ok);
    EXPECT_EQ(entryKeys(), QStringList{Key});
    EXPECT_EQ(waitFor(store->read(Key)).value, "short");
}

TEST_F(KeychainSecretStoreLogic, OverwritingAlsoCleansUpWhereDeletingAMissingEntryFails)
{
    keychain->deleteMissingFails = true; // Windows' Credential Manager
    ASSERT_TRUE(waitFor(store->write(Key, randomBytes(10000))).ok);
    ASSERT_TRUE(waitFor(store->write(Key, "short")).ok);
    EXPECT_EQ(entryKeys(), QStringList{Key});
    EXPECT_TRUE(waitFor(store->remove(Key)).ok);
    EXPECT_TRUE(entryKeys().isEmpty());
}

TEST_F(KeychainSecretStoreLogic, RemoveDeletesEveryPart)
{
    ASSERT_TRUE(waitFor(store->write(Key, randomBytes(10000))).ok);
    keychain->entries.insert(QStringLiteral("dps/other"), "keep me");
    ASSERT_TRUE(waitFor(store->remove(Key)).ok);
    EXPECT_EQ(entryKeys(), QStringList{QStringLiteral("dps/other")});
    EXPECT_EQ(waitFor(store->read(Key)).error.kind, SecretError::Kind::NotFound);
}

TEST_F(KeychainSecretStoreLogic, RemoveAndWriteSweepPartsAnInterruptedRemoveLeftBehind)
{
    keychain->entries.insert(Key + ".1", "orphan 1");
    keychain->entries.insert(Key + ".2", "orphan 2");
    ASSERT_TRUE(waitFor(store->remove(Key)).ok);
    EXPECT_TRUE(entryKeys().isEmpty());

    keychain->entries.insert(Key + ".1", "orphan 1");
    ASSERT_TRUE(waitFor(store->write(Key, "new")).ok);
    EXPECT_EQ(entryKeys(), QStringList{Key});
}

TEST_F(KeychainSecretStoreLogic, ATornValueFailsInsteadOfReadingAsAMix)
{
    ASSERT_TRUE(waitFor(store->write(Key, randomBytes(10000))).ok);
    keychain->entries[Key + ".2"][0] = char(keychain->entries[Key + ".2"][0]
                                            ^ 0x55); // an interrupted overwrite
    const JobOutcome read = waitFor(store->read(Key));
    ASSERT_TRUE(read.done);
    EXPECT_FALSE(read.ok);
    EXPECT_EQ(read.error.kind, SecretError::Kind::Other);
    EXPECT_TRUE(read.error.message.contains(QStringLiteral("damaged")));
}

TEST_F(KeychainSecretStoreLogic, AMissingPartFailsTheRead)
{
    ASSERT_TRUE(waitFor(store->write(Key, randomBytes(10000))).ok);
    keychain->entries.remove(Key + ".3");
    const JobOutcome read = waitFor(store->read(Key));
    EXPECT_EQ(read.error.kind, SecretError::Kind::Other);
    EXPECT_TRUE(read.error.message.contains(QStringLiteral("part 4 of 5 is missing")));
}

TEST_F(KeychainSecretStoreLogic, AnEntryWithoutHeaderReadsAsItIs)
{
    keychain->entries.insert(Key, "stored by hand");
    EXPECT_EQ(waitFor(store->read(Key)).value, "stored by hand");
}

TEST_F(KeychainSecretStoreLogic, NothingFoundWhileTheKeychainIsLockedReadsAsLocked)
{
    keychain->locked = true;
    const JobOutcome read = waitFor(store->read(Key));
    EXPECT_EQ(read.error.kind, SecretError::Kind::Locked);
    EXPECT_EQ(read.error.userMessage(), LockedText);
    EXPECT_EQ(waitFor(store->remove(Key)).error.kind, SecretError::Kind::Locked);
}

TEST_F(KeychainSecretStoreLogic, RetriesOnceAfterTheDelayWhenTheKeychainIsNotUpYet)
{
    int failures = 1;
    keychain->intercept = [&](const QString &, const QString &) -> std::optional<KeychainResult> {
        if (failures-- > 0)
            return KeychainResult{QKeychain::OtherError,
                                  QStringLiteral("Object does not exist at path"),
                                  {}};
        return std::nullopt;
    };
    SecretJob *job = store->write(Key, "v");
    QSignalSpy finished(job, &SecretJob::finished);
    ASSERT_TRUE(QTest::qWaitFor([&] { return clock->pendingCount() == 1; }, 2000));
    EXPECT_EQ(clock->requestedDelays(), QList<int>{500});
    EXPECT_EQ(finished.count(), 0);
    clock->advance(500);
    ASSERT_TRUE(finished.wait(2000));
    EXPECT_EQ(keychain->calls.first(), QStringLiteral("read ") + Key);
    EXPECT_EQ(keychain->calls.at(1), QStringLiteral("read ") + Key); // the same call again
    EXPECT_EQ(waitFor(store->read(Key)).value, "v");
}

TEST_F(KeychainSecretStoreLogic, GivesUpAfterOneRetry)
{
    keychain->intercept = [](const QString &, const QString &) -> std::optional<KeychainResult> {
        return KeychainResult{QKeychain::OtherError,
                              QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY"),
                              {}};
    };
    SecretJob *job = store->read(Key);
    QSignalSpy failed(job, &SecretJob::failed);
    ASSERT_TRUE(QTest::qWaitFor([&] { return clock->pendingCount() == 1; }, 2000));
    clock->advance(500);
    ASSERT_TRUE(failed.wait(2000));
    EXPECT_EQ(failed.at(0).at(0).value<SecretError>().kind, SecretError::Kind::NoBackend);
    EXPECT_EQ(keychain->calls.size(), 2);
    EXPECT_EQ(clock->requestedDelays().size(), 1);
}

TEST_F(KeychainSecretStoreLogic, DoesNotRetryOnceTheKeychainHasAnswered)
{
    ASSERT_TRUE(waitFor(store->write(Key, "v")).ok);
    keychain->intercept = [](const QString &, const QString &) -> std::optional<KeychainResult> {
        return KeychainResult{QKeychain::OtherError, QStringLiteral("Something broke"), {}};
    };
    const JobOutcome read = waitFor(store->read(Key));
    EXPECT_EQ(read.error.kind, SecretError::Kind::Other);
    EXPECT_TRUE(clock->requestedDelays().isEmpty());
}

TEST_F(KeychainSecretStoreLogic, DoesNotRetryALockedOrDeniedKeychain)
{
    keychain->intercept = [](const QString &call, const QString &) -> std::optional<KeychainResult> {
        if (call == QLatin1String("write"))
            return KeychainResult{QKeychain::AccessDenied,
                                  QStringLiteral("Cannot create an item in a locked collection"),
                                  {}};
        return std::nullopt;
    };
    const JobOutcome write = waitFor(store->write(Key, "v"));
    EXPECT_EQ(write.error.kind, SecretError::Kind::Locked);
    EXPECT_EQ(write.error.userMessage(), LockedText);
    EXPECT_TRUE(clock->requestedDelays().isEmpty());
    EXPECT_TRUE(keychain->entries.isEmpty());
}

TEST_F(KeychainSecretStoreLogic, RunsOperationsOnOneKeyInTheOrderTheyStarted)
{
    const QByteArray longValue = randomBytes(7000);
    SecretJob *first = store->write(Key, longValue);
    SecretJob *second = store->write(Key, "second");
    SecretJob *read = store->read(Key);
    QStringList order;
    QObject::connect(first, &SecretJob::finished, [&] { order << QStringLiteral("first"); });
    QObject::connect(second, &SecretJob::finished, [&] { order << QStringLiteral("second"); });
    const JobOutcome outcome = waitFor(read);
    EXPECT_EQ(outcome.value, "second");
    EXPECT_EQ(order, (QStringList{QStringLiteral("first"), QStringLiteral("second")}));
    EXPECT_EQ(entryKeys(), QStringList{Key});
}

TEST_F(KeychainSecretStoreLogic, RefusesValuesAboveTheLimitAndReservedKeys)
{
    EXPECT_EQ(waitFor(store->write(Key, QByteArray(KeychainSecretStore::MaxValueSize + 1, 'x')))
                  .error.kind,
              SecretError::Kind::Other);
    EXPECT_EQ(waitFor(store->read(Key + ".2")).error.kind, SecretError::Kind::Other);
    EXPECT_TRUE(keychain->calls.isEmpty());
}

TEST_F(KeychainSecretStoreLogic, FailsJobsStillRunningWhenTheStoreGoesAway)
{
    keychain->hold = true;
    SecretJob *job = store->write(Key, "v");
    QSignalSpy failed(job, &SecretJob::failed);
    store.reset();
    ASSERT_TRUE(failed.wait(2000));
    EXPECT_EQ(failed.at(0).at(0).value<SecretError>().kind, SecretError::Kind::Other);
    keychain->release(); // a late answer reaches no one
    QCoreApplication::processEvents();
}

TEST_F(KeychainSecretStoreLogic, ACallerThatDeletesItsJobStillGetsTheWholeValueWritten)
{
    const QByteArray value = randomBytes(6000);
    delete store->write(Key, value);
    const JobOutcome read = waitFor(store->read(Key));
    EXPECT_EQ(read.value, value);
}

TEST_F(KeychainSecretStoreLogic, NeverLogsAValue)
{
    Dps::Test::LogCapture log;
    const QByteArray value = QByteArray("SECRET-") + randomBytes(4000).toHex();
    ASSERT_TRUE(waitFor(store->write(Key, value)).ok);
    ASSERT_TRUE(waitFor(store->read(Key)).ok);
    keychain->intercept = [](const QString &, const QString &) -> std::optional<KeychainResult> {
        return KeychainResult{QKeychain::OtherError, QStringLiteral("boom"), {}};
    };
    waitFor(store->write(Key, value));
    EXPECT_FALSE(log.lines(QStringLiteral("dps.secrets")).isEmpty());
    EXPECT_FALSE(log.contains(QStringLiteral("SECRET-")));
    EXPECT_FALSE(log.contains(QString::fromLatin1(value.mid(7, 32))));
}
