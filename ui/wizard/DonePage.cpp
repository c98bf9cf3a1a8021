#include "Pages.h"
#include "ui/widgets/FieldMessage.h"
#include "SetupWizard.h"
#include "ui/widgets/CopyField.h"

#include <QAction>
#include <QFormLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QKeyEvent>
#include <QMenu>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Dps::Ui {

namespace {
// QToolButton's MenuButtonPopup opens its menu only with the mouse (the arrow part): Alt+Down, Down,
// F4 and the Menu key open it from the keyboard too, on the button, with its first entry active.
class MenuKeyOpener : public QObject
{
public:
    explicit MenuKeyOpener(QToolButton *button)
        : QObject(button)
        , m_button(button)
    {
        button->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched != m_button || event->type() != QEvent::KeyPress || !m_button->menu())
            return false;
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key != Qt::Key_Down && key != Qt::Key_F4 && key != Qt::Key_Menu)
            return false;
        QMenu *menu = m_button->menu();
        if (!menu->actions().isEmpty())
            menu->setActiveAction(menu->actions().constFirst());
        menu->popup(m_button->mapToGlobal(QPoint(0, m_button->height())));
        return true;
    }

private:
    QToolButton *m_button;
};
} // namespace

DonePage::DonePage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("donePage"));
    setTitle(tr("Done"));
    setSubTitle(tr("Your provisioning service is linked to the IoT hub. Devices need the ID scope and the global device "
                   "endpoint to provision."));
    setFinalPage(true);

    auto makeField = [this](const char *objectName, const QString &name, const QString &button) {
        auto *field = new CopyField(this);
        field->setObjectName(QLatin1String(objectName));
        field->setNames(name, button, tr("Copied"));
        return field;
    };
    m_idScope = makeField("idScopeField", tr("ID scope"), tr("Copy"));
    m_serviceEndpoint = makeField("serviceEndpointField", tr("Service endpoint"), tr("Copy"));
    m_globalEndpoint = makeField("globalEndpointField", tr("Global device endpoint"), tr("Copy"));
    m_hubHost = makeField("hubHostField", tr("IoT hub host name"), tr("Copy"));
    // Distinct accessible names for the four copy buttons (a screen reader lists them out of context).
    m_idScope->copyButton()->setAccessibleName(tr("Copy the ID scope"));
    m_serviceEndpoint->copyButton()->setAccessibleName(tr("Copy the service endpoint"));
    m_globalEndpoint->copyButton()->setAccessibleName(tr("Copy the global device endpoint"));
    m_hubHost->copyButton()->setAccessibleName(tr("Copy the IoT hub host name"));

    m_copySettings = new QToolButton(this);
    m_copySettings->setObjectName(QStringLiteral("copySettingsButton"));
    m_copySettings->setText(tr("Copy &device settings"));
    m_copySettings->setAccessibleName(tr("Copy device settings"));
    m_copySettings->setIcon(copyIcon());
    m_copySettings->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copySettings->setPopupMode(QToolButton::MenuButtonPopup);
    auto *menu = new QMenu(m_copySettings);
    menu->setObjectName(QStringLiteral("copySettingsMenu"));
    QAction *asText = menu->addAction(tr("As &text"));
    asText->setObjectName(QStringLiteral("copyAsText"));
    QAction *asJson = menu->addAction(tr("As &JSON"));
    asJson->setObjectName(QStringLiteral("copyAsJson"));
    QAction *asEnv = menu->addAction(tr("As &environment variables"));
    asEnv->setObjectName(QStringLiteral("copyAsEnvironment"));
    m_copySettings->setMenu(menu);
    new MenuKeyOpener(m_copySettings);
    m_copySettings->setToolTip(tr("Copies the settings a device needs as text. Alt+Down (or the arrow) offers JSON and "
                                  "environment variables."));
    connect(m_copySettings, &QToolButton::clicked, this, [this] { copySettings(SettingsFormat::Text); });
    connect(asText, &QAction::triggered, this, [this] { copySettings(SettingsFormat::Text); });
    connect(asJson, &QAction::triggered, this, [this] { copySettings(SettingsFormat::Json); });
    connect(asEnv, &QAction::triggered, this, [this] { copySettings(SettingsFormat::Environment); });
    m_settingsCopied = new QLabel(this);
    m_settingsCopied->setObjectName(QStringLiteral("settingsCopiedLabel"));
    m_settingsCopied->setVisible(false);
    m_hideCopied = new QTimer(this);
    m_hideCopied->setSingleShot(true);
    m_hideCopied->setInterval(4000);
    connect(m_hideCopied, &QTimer::timeout, m_settingsCopied, &QLabel::hide);

    m_openDps = new QPushButton(openExternalIcon(), tr("Open the &provisioning service in the Azure portal"), this);
    m_openDps->setObjectName(QStringLiteral("openDpsButton"));
    m_openDps->setAccessibleName(tr("Open the provisioning service in the Azure portal"));
    m_openHub = new QPushButton(openExternalIcon(), tr("Open the IoT hub in the &Azure portal"), this);
    m_openHub->setObjectName(QStringLiteral("openHubButton"));
    m_openHub->setAccessibleName(tr("Open the IoT hub in the Azure portal"));
    m_portalNote = new QLabel(tr("These resources live in the local sandbox, so there is no Azure portal page for them."), this);
    m_portalNote->setObjectName(QStringLiteral("portalNote"));
    wrapText(m_portalNote);
    connect(m_openDps, &QPushButton::clicked, this, [this] {
        if (auto *w = setupWizard(); w && this->controller().result())
            w->openUrl(this->controller().portalUrl(this->controller().result()->dps.id));
    });
    connect(m_openHub, &QPushButton::clicked, this, [this] {
        if (auto *w = setupWizard(); w && this->controller().result())
            w->openUrl(this->controller().portalUrl(this->controller().result()->hub.id));
    });

    auto *form = new QFormLayout;
    const QList<QPair<QString, CopyField *>> rows{{tr("&ID scope:"), m_idScope},
                                                  {tr("&Service endpoint:"), m_serviceEndpoint},
                                                  {tr("&Global device endpoint:"), m_globalEndpoint},
                                                  {tr("IoT hub &host name:"), m_hubHost}};
    for (const auto &[text, field] : rows) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field->lineEdit());
        form->addRow(label, field);
    }
    auto *settingsRow = new QHBoxLayout;
    settingsRow->addWidget(m_copySettings);
    settingsRow->addWidget(m_settingsCopied);
    settingsRow->addStretch();
    auto *settingsNote = new QLabel(tr("The device settings are the ID scope and the global device endpoint, as text, JSON "
                                       "or environment variables for the Azure IoT device SDK samples."), this);
    wrapText(settingsNote);
    auto *portalRow = new QHBoxLayout;
    portalRow->addWidget(m_openDps);
    portalRow->addWidget(m_openHub);
    portalRow->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(12);
    layout->addLayout(settingsRow);
    layout->addWidget(settingsNote);
    layout->addSpacing(12);
    layout->addLayout(portalRow);
    layout->addWidget(m_portalNote);
    layout->addStretch();
}

void DonePage::initializePage()
{
    const auto result = controller().result();
    if (!result)
        return;
    m_idScope->setValue(result->idScope);
    m_serviceEndpoint->setValue(result->serviceEndpoint);
    m_globalEndpoint->setValue(result->globalDeviceEndpoint);
    m_hubHost->setValue(result->hubHostName);
    const bool portal = !controller().portalUrl(result->dps.id).isEmpty();
    m_openDps->setVisible(portal);
    m_openHub->setVisible(portal && !controller().portalUrl(result->hub.id).isEmpty());
    m_portalNote->setVisible(!portal);
    m_idScope->lineEdit()->setFocus();
}

QString DonePage::deviceSettings(const Setup::SetupResult &result, SettingsFormat format)
{
    switch (format) {
    case SettingsFormat::Json: {
        QJsonObject o;
        o.insert(QStringLiteral("idScope"), result.idScope);
        o.insert(QStringLiteral("globalDeviceEndpoint"), result.globalDeviceEndpoint);
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
    }
    case SettingsFormat::Environment:
        // The names the Azure IoT device SDK samples read.
        return QStringLiteral("PROVISIONING_HOST=%1\nPROVISIONING_IDSCOPE=%2\n").arg(result.globalDeviceEndpoint, result.idScope);
    case SettingsFormat::Text:
        break;
    }
    //: Device settings copied as plain text; keep the values (%1, %2) on their own lines.
    return tr("ID scope: %1\nGlobal device endpoint: %2\n").arg(result.idScope, result.globalDeviceEndpoint);
}

void DonePage::copySettings(SettingsFormat format)
{
    const auto result = controller().result();
    if (!result)
        return;
    copyToClipboard(deviceSettings(*result, format));
    m_settingsCopied->setText(format == SettingsFormat::Json          ? tr("Copied as JSON")
                              : format == SettingsFormat::Environment ? tr("Copied as environment variables")
                                                                      : tr("Copied as text"));
    m_settingsCopied->setAccessibleName(m_settingsCopied->text());
    m_settingsCopied->setVisible(true);
    m_hideCopied->start();
}

} // namespace Dps::Ui
