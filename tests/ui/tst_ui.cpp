#include "ui/AppIcon.h"
#include "ui/MainWindow.h"
#include "ui/Translator.h"
#include "ui/widgets/MessageBanner.h"
#include "ui/widgets/PlainText.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTextDocument>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

#include <ostream>

QT_BEGIN_NAMESPACE
// Readable QStrings in failure messages.
inline void PrintTo(const QString &string, std::ostream *out)
{
    *out << '"' << string.toStdString() << '"';
}
QT_END_NAMESPACE

using namespace Dps;

namespace {

template<typename T>
T *child(const QObject &parent, const char *objectName)
{
    return parent.findChild<T *>(QLatin1String(objectName));
}

QString labelText(const MainWindow &window, const char *objectName)
{
    const auto *label = child<QLabel>(window, objectName);
    return label ? label->text() : QString();
}

} // namespace

TEST(MainWindow, ShowsTitleWelcomeAndAccessibleNames)
{
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));

    EXPECT_EQ(window.windowTitle(), QStringLiteral("DPS Setup"));
    EXPECT_EQ(labelText(window, "heading"), QStringLiteral("Welcome to DPS Setup"));
    EXPECT_TRUE(labelText(window, "welcomeText").contains(QLatin1String("Device Provisioning")));

    const auto *welcome = child<QLabel>(window, "welcomeText");
    ASSERT_NE(welcome, nullptr);
    EXPECT_TRUE(welcome->isVisible());
    EXPECT_EQ(welcome->accessibleName(), QStringLiteral("Welcome message"));

    const auto *logo = child<QLabel>(window, "logo");
    ASSERT_NE(logo, nullptr);
    EXPECT_EQ(logo->accessibleName(), QStringLiteral("DPS Setup logo"));
    EXPECT_FALSE(logo->pixmap().isNull());

    EXPECT_EQ(window.menuBar()->accessibleName(), QStringLiteral("Main menu"));
    const auto *fileMenu = child<QMenu>(window, "fileMenu");
    const auto *helpMenu = child<QMenu>(window, "helpMenu");
    ASSERT_NE(fileMenu, nullptr);
    ASSERT_NE(helpMenu, nullptr);
    EXPECT_EQ(fileMenu->title(), QStringLiteral("&File"));
    EXPECT_EQ(helpMenu->title(), QStringLiteral("&Help"));
}

TEST(MainWindow, QuitClosesTheWindow)
{
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *quit = child<QAction>(window, "quitAction");
    ASSERT_NE(quit, nullptr);
    EXPECT_EQ(quit->shortcut(), QKeySequence(QKeySequence::Quit));

    quit->trigger();

    EXPECT_FALSE(window.isVisible());
}

TEST(MainWindow, AboutShowsNameAndVersionWithoutBlocking)
{
    QCoreApplication::setApplicationVersion(QStringLiteral("1.2.3"));
    MainWindow window;
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    auto *about = child<QAction>(window, "aboutAction");
    ASSERT_NE(about, nullptr);

    about->trigger(); // returns at once: the box is opened, not exec()ed

    auto *box = child<QMessageBox>(window, "aboutBox");
    ASSERT_NE(box, nullptr);
    EXPECT_TRUE(box->isVisible());
    EXPECT_EQ(box->windowTitle(), QStringLiteral("About")); // the platform adds " — DPS Setup"
    EXPECT_EQ(box->text(), QStringLiteral("DPS Setup 1.2.3"));
    EXPECT_FALSE(box->iconPixmap().isNull());
    box->close();
}

TEST(ServerText, IsShownAsPlainTextNeverAsHtml)
{
    // What a server could send: markup, a link, an image that would be fetched.
    const QString hostile = QStringLiteral("<b>Denied</b> <a href=\"https://evil.example/\">fix</a><img src=\"https://evil.example/x.png\">");
    Dps::Ui::MessageBanner banner;
    banner.showMessage(Dps::Ui::Status::Error, hostile);
    auto *text = banner.findChild<QLabel *>(QStringLiteral("bannerText"));
    ASSERT_TRUE(text);
    EXPECT_EQ(text->textFormat(), Qt::PlainText);
    EXPECT_EQ(banner.text(), hostile);

    // A tooltip has no format setting: it gets the text escaped, and shows every character as sent.
    const QString tip = Dps::Ui::plainToolTip(hostile);
    QTextDocument shown;
    shown.setHtml(tip);
    EXPECT_EQ(shown.toPlainText(), hostile);
    EXPECT_FALSE(tip.contains(QLatin1String("<b>")));
    EXPECT_EQ(Dps::Ui::plainToolTip(QString()), QString());
}

TEST(AppIcon, RendersTheSvgFromResources)
{
    const QIcon icon = applicationIcon();
    ASSERT_FALSE(icon.isNull());
    // Drawing at any size proves the SVG is embedded and Qt's SVG icon engine is available.
    const QImage image = icon.pixmap(QSize(48, 48)).toImage();
    ASSERT_EQ(image.size(), QSize(48, 48));
    EXPECT_GT(qAlpha(image.pixel(24, 24)), 0);
}

TEST(Translator, TranslatesTheWindowIntoGermanForAGermanLocale)
{
    Translator translator;
    const QString language = translator.install(QLocale(QLocale::German, QLocale::Germany));
    EXPECT_EQ(QLocale(language).language(), QLocale::German);

    MainWindow window;
    EXPECT_EQ(window.windowTitle(), QStringLiteral("DPS-Einrichtung"));
    EXPECT_EQ(labelText(window, "heading"), QStringLiteral("Willkommen bei der DPS-Einrichtung"));
    EXPECT_TRUE(labelText(window, "welcomeText").contains(QStringLiteral("geführte Einrichtung")));
    EXPECT_EQ(child<QLabel>(window, "welcomeText")->accessibleName(),
              QStringLiteral("Willkommensnachricht"));
    EXPECT_EQ(child<QMenu>(window, "fileMenu")->title(), QStringLiteral("&Datei"));
}

TEST(Translator, UsesTheLanguageCatalogueForARegionalVariant)
{
    Translator translator;
    EXPECT_EQ(QLocale(translator.install(QLocale(QLocale::German, QLocale::Switzerland))).language(),
              QLocale::German);
    EXPECT_EQ(MainWindow().windowTitle(), QStringLiteral("DPS-Einrichtung"));
}

TEST(Translator, FallsBackToEnglishForALanguageWeDoNotShip)
{
    Translator translator;
    translator.install(QLocale(QLocale::German));

    const QString language = translator.install(QLocale(QLocale::Swahili, QLocale::Kenya));

    EXPECT_EQ(QLocale(language).language(), QLocale::English);
    EXPECT_EQ(MainWindow().windowTitle(), QStringLiteral("DPS Setup"));
}

TEST(Translator, RetranslatesAnOpenWindowWhenTheLanguageChanges)
{
    Translator translator;
    translator.install(QLocale(QLocale::English));
    MainWindow window;
    window.show();
    ASSERT_EQ(window.windowTitle(), QStringLiteral("DPS Setup"));

    translator.install(QLocale(QLocale::German));
    QCoreApplication::sendPostedEvents(); // QApplication posts LanguageChange to the windows

    EXPECT_EQ(window.windowTitle(), QStringLiteral("DPS-Einrichtung"));
    EXPECT_EQ(child<QAction>(window, "quitAction")->text(), QStringLiteral("&Beenden"));
}

TEST(Translator, RemovesItsCataloguesWhenDestroyed)
{
    {
        Translator translator;
        translator.install(QLocale(QLocale::German));
        ASSERT_EQ(MainWindow().windowTitle(), QStringLiteral("DPS-Einrichtung"));
    }
    EXPECT_EQ(MainWindow().windowTitle(), QStringLiteral("DPS Setup"));
}

TEST(Translator, TranslatesQtsOwnStringsAlongWithOurs)
{
    const QString qtCatalogue = QLibraryInfo::path(QLibraryInfo::TranslationsPath)
                                + QStringLiteral("/qtbase_de.qm");
    if (!QFile::exists(qtCatalogue))
        GTEST_SKIP() << "Qt's German catalogue is not installed (Debian: qt6-translations-l10n)";

    Translator translator;
    translator.install(QLocale(QLocale::German));
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    EXPECT_EQ(buttons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));

    translator.install(QLocale(QLocale::English));
    QDialogButtonBox englishButtons(QDialogButtonBox::Cancel);
    EXPECT_EQ(englishButtons.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Cancel"));
}

// The catalogue must be complete: lupdate marks new and changed strings "unfinished".
TEST(Translations, GermanCatalogueTranslatesEveryMessage)
{
    QFile file(QStringLiteral(DPS_TS_DIR "/dps_de.ts"));
    ASSERT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(file.fileName());

    QXmlStreamReader xml(&file);
    QString source;
    int messages = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++messages;
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            const QString translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            EXPECT_TRUE(type.isEmpty())
                << "not finished (" << qPrintable(type) << "): " << qPrintable(source);
            EXPECT_FALSE(translation.isEmpty()) << "no translation: " << qPrintable(source);
        }
    }
    EXPECT_FALSE(xml.hasError()) << qPrintable(xml.errorString());
    EXPECT_GT(messages, 0);
}

int main(int argc, char **argv)
{
    // Widget tests run headless, the gtest listing run included (STYLE.md section 11).
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // A test that closes its window must not end the application for the tests after it.
    QApplication::setQuitOnLastWindowClosed(false);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
