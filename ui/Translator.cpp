#include "Translator.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>

namespace Dps {

namespace {

Q_LOGGING_CATEGORY(lcUi, "dps.ui")

// Where translations/CMakeLists.txt embeds the compiled catalogues: :/i18n/dps_<language>.qm.
const char CatalogueName[] = "dps";
const char CatalogueDirectory[] = ":/i18n";

bool loadCatalogue(QTranslator &translator, const QLocale &locale)
{
    return translator.load(locale,
                           QLatin1String(CatalogueName),
                           QStringLiteral("_"),
                           QLatin1String(CatalogueDirectory));
}

} // namespace

QString Translator::install(const QLocale &locale)
{
    uninstall();

    // QTranslator::load() tries each of locale.uiLanguages() in order, each from its full name
    // ("de_CH") down to the bare language ("de").
    if (!loadCatalogue(m_appTranslator, locale)
        && !loadCatalogue(m_appTranslator, QLocale(QLocale::English))) {
        qCWarning(lcUi) << "No translation catalogue found in" << CatalogueDirectory;
        return {};
    }
    QCoreApplication::installTranslator(&m_appTranslator);

    const QString language = m_appTranslator.language();
    if (m_qtTranslator.load(QLocale(language),
                            QStringLiteral("qtbase"),
                            QStringLiteral("_"),
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(&m_qtTranslator);
    } else {
        qCDebug(lcUi) << "No Qt catalogue for" << language << "(Qt's strings stay in English)";
    }
    return language;
}

void Translator::uninstall()
{
    QCoreApplication::removeTranslator(&m_qtTranslator);
    QCoreApplication::removeTranslator(&m_appTranslator);
}

} // namespace Dps
