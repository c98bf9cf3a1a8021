#include "NameChecker.h"
#include "Pages.h"
#include "ui/widgets/FieldMessage.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Dps::Ui {

using NameKind = Setup::SetupController::NameKind;

DpsPage::DpsPage(Setup::SetupController &controller, QWidget *parent)
    : WizardPage(controller, parent)
{
    setObjectName(QStringLiteral("dpsPage"));
    setTitle(tr("Device Provisioning Service"));
    setSubTitle(tr("The provisioning service tells each device, the first time it starts, which IoT hub to connect to."));

    m_new = new QRadioButton(tr("Create a ne&w provisioning service"), this);
    m_new->setObjectName(QStringLiteral("newDpsRadio"));
    m_existing = new QRadioButton(tr("Use an &existing provisioning service"), this);
    m_existing->setObjectName(QStringLiteral("existingDpsRadio"));
    m_new->setChecked(true);
    auto *choice = exclusive({m_new, m_existing});
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("dpsNameEdit"));
    m_name->setAccessibleName(tr("Provisioning service name"));
    // Longer than the 50 Azure allows, so a pasted name is not cut silently: the check says it is too long.
    m_name->setMaxLength(200);
    m_nameMessage = new FieldMessage(m_name, this);
    m_nameMessage->setObjectName(QStringLiteral("dpsNameMessage"));
    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("dpsTierCombo"));
    m_tier->setAccessibleName(tr("Pricing tier"));
    m_tier->addItem(tr("S1 – Standard"), QStringLiteral("S1"));
    m_units = new QSpinBox(this);
    m_units->setObjectName(QStringLiteral("dpsUnitsSpin"));
    m_units->setAccessibleName(tr("Units"));
    m_units->setRange(1, 10);
    m_list = new QComboBox(this);
    m_list->setObjectName(QStringLiteral("dpsCombo"));
    m_list->setAccessibleName(tr("Existing provisioning service"));
    m_listMessage = new FieldMessage(m_list, this);
    m_listMessage->setObjectName(QStringLiteral("dpsListMessage"));

    auto *form = new QFormLayout;
    form->addRow(m_new);
    addLabeledRow(form, tr("N&ame:"), m_name);
    form->addRow(QString(), m_nameMessage);
    auto *nameNote = new QLabel(tr("The name becomes part of the service's address, so it must be unique across Azure: "
                                   "3 to 50 letters, digits and hyphens."), this);
    wrapText(nameNote);
    form->addRow(QString(), nameNote);
    addLabeledRow(form, tr("Pricing &tier:"), m_tier);
    addLabeledRow(form, tr("&Units:"), m_units);
    form->addRow(m_existing);
    addLabeledRow(form, tr("&Service:"), m_list);
    form->addRow(QString(), m_listMessage);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch();

    connect(choice, &QButtonGroup::buttonToggled, this, &DpsPage::updateMode);
    m_nameCheck = new NameChecker(controller, NameKind::Dps, m_name, m_nameMessage, this);
    connect(m_nameCheck, &NameChecker::changed, this, &DpsPage::completeChanged);
    connect(m_name, &QLineEdit::textEdited, m_nameCheck, &NameChecker::check);
    connect(m_list, &QComboBox::currentIndexChanged, this, &DpsPage::completeChanged);
    connect(&controller, &Setup::SetupController::dpsChanged, this,
            [this](const QString &sub, const QList<Arm::ProvisioningService> &services) {
                if (sub != plan().subscriptionId)
                    return;
                m_services = services;
                m_loadedFor = sub;
                const QString keep = m_list->currentData().toString().isEmpty() && !plan().createDps ? plan().dpsName
                                                                                                      : m_list->currentData().toString();
                m_list->clear();
                for (const auto &s : services)
                    m_list->addItem(tr("%1 (resource group %2, %3)").arg(s.name, s.resourceGroup, s.location), s.name);
                const int i = m_list->findData(keep);
                if (i >= 0)
                    m_list->setCurrentIndex(i);
                m_existing->setEnabled(!services.isEmpty());
                if (services.isEmpty())
                    m_listMessage->setMessage(Status::Info, tr("This subscription has no provisioning service yet."));
                else
                    m_listMessage->clear();
                Q_EMIT completeChanged();
            });
    connect(&controller, &Setup::SetupController::loadFailed, this, [this](const QString &what, const Arm::ArmError &error) {
        if (what == QLatin1String("dps")) {
            m_listMessage->setMessage(Status::Error, error.userMessage());
            Q_EMIT completeChanged();
        }
    });
    updateMode();
}

void DpsPage::initializePage()
{
    m_groupFromPlan = plan().resourceGroup;
    m_createGroupFromPlan = plan().createResourceGroup;
    if (!plan().createDps)
        m_existing->setChecked(true);
    if (m_name->text().isEmpty() && plan().createDps && !plan().dpsName.isEmpty())
        m_name->setText(plan().dpsName);
    m_units->setValue(int(qBound<qint64>(qint64(1), plan().dpsUnits, qint64(10))));
    if (m_loadedFor != plan().subscriptionId) {
        m_list->clear();
        m_listMessage->setMessage(Status::Busy, tr("Loading the provisioning services of this subscription…"));
        controller().loadDps(plan().subscriptionId, plan().tenantId);
    }
    // The subscription may have changed: check the name again in it.
    if (!m_name->text().isEmpty())
        m_nameCheck->check();
    updateMode();
}

void DpsPage::updateMode()
{
    const bool create = m_new->isChecked();
    m_name->setEnabled(create);
    m_tier->setEnabled(create);
    m_units->setEnabled(create);
    m_list->setEnabled(!create);
    m_nameMessage->setVisible(create);
    Q_EMIT completeChanged();
}

bool DpsPage::isComplete() const
{
    if (m_new->isChecked())
        return m_nameCheck->isAvailable();
    return !m_list->currentData().toString().isEmpty();
}

bool DpsPage::validatePage()
{
    Setup::PlanInput &p = plan();
    p.createDps = m_new->isChecked();
    if (p.createDps) {
        p.dpsName = m_name->text().trimmed();
        p.dpsUnits = m_units->value();
        p.resourceGroup = m_groupFromPlan;
        p.createResourceGroup = m_createGroupFromPlan;
        p.hubResourceGroup.clear();
        p.createHubResourceGroup = m_createGroupFromPlan;
        controller().setExistingDps(std::nullopt);
        return true;
    }
    p.resourceGroup = m_groupFromPlan;
    p.createResourceGroup = m_createGroupFromPlan;
    p.hubResourceGroup.clear();
    p.createHubResourceGroup = m_createGroupFromPlan;
    for (const auto &s : std::as_const(m_services)) {
        if (s.name != m_list->currentData().toString())
            continue;
        p.dpsName = s.name;
        controller().setExistingDps(s);
        if (s.resourceGroup.compare(m_groupFromPlan, Qt::CaseInsensitive) != 0) {
            // The DPS lives elsewhere: a new hub still goes into the group chosen on the previous page.
            p.hubResourceGroup = m_groupFromPlan;
            p.createHubResourceGroup = m_createGroupFromPlan;
            p.resourceGroup = s.resourceGroup;
            p.createResourceGroup = false;
        }
    }
    return true;
}

} // namespace Dps::Ui
