#include "SandboxFixture.h"

#include <gtest/gtest.h>

using namespace Dps::Test;

TEST(SandboxProcessSmoke, StartsAndWritesInfoFile)
{
    SandboxProcess sandbox;
    QString error;
    ASSERT_TRUE(sandbox.start(&error)) << error.toStdString();
    EXPECT_TRUE(sandbox.baseUrl().isValid());
    EXPECT_EQ(sandbox.baseUrl().host(), QStringLiteral("127.0.0.1"));
    HttpClient http(&sandbox);
    const auto r = http.get(sandbox.baseUrl().resolved(QUrl(QStringLiteral("/nothing-here"))));
    EXPECT_EQ(r.status, 404);
    sandbox.stop();
    EXPECT_EQ(sandbox.exitCode(), 0);
}
